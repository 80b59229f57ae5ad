#pragma once

// Reading option values the same way in every command: a value that cannot
// be used throws DomainError INPUT_ERROR naming the option (exit status 2).

#include "clicommand.h"

#include <QDate>
#include <QString>

#include <optional>

namespace vd {
class SchemeVocabulary;
}

namespace vd::cli {

// A whole number from minimum to maximum, or fallback when the option is not given.
int numberOption(const Invocation &invocation, const QString &name, int fallback, int minimum, int maximum);
// A calendar date written YYYY-MM-DD that exists, or nothing when the option is not given.
std::optional<QDate> dateOption(const Invocation &invocation, const QString &name);
// Every value given for the option, each an id of the vocabulary.
QStringList vocabularyOption(const Invocation &invocation, const QString &name, const SchemeVocabulary &vocabulary);
// The one value given for the option (an id of the vocabulary), or an empty string.
QString singleVocabularyOption(const Invocation &invocation, const QString &name, const SchemeVocabulary &vocabulary);

// Throws DomainError INPUT_ERROR: what the person gave, where, cannot be used.
[[noreturn]] void inputError(const QString &where, const QString &message);
// The bytes of the file the option names (INPUT_ERROR when it is not given or cannot be read).
QByteArray fileOption(const Invocation &invocation, const QString &option);
// The path the option names (INPUT_ERROR when it is not given).
QString requiredPathOption(const Invocation &invocation, const QString &option);

// --as-of DATE: the day deadlines and overdue questions are judged on.
void addAsOfOption(QCommandLineParser &parser);
// --as-of, or today in Hong Kong.
QDate asOfDay(const Invocation &invocation);

} // namespace vd::cli
