#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace vd {

// JSON in the canonical form of RFC 8785 (the JSON Canonicalization Scheme), the bytes that are signed:
// no insignificant whitespace, object members sorted by the UTF-16 code units of their names, strings
// escaped as ECMAScript's JSON.stringify escapes them (the two-character escapes \b \t \n \f \r \" \\,
// other control characters as \u00xx in lower-case hex, everything else as UTF-8), literals as they are.
//
// VoucherDesk's JSON carries no floating point (money is a decimal string), so a number must be an
// integer of at most 2^53 - 1 in magnitude, which RFC 8785's ECMAScript number form writes as plain
// digits; anything else, and a string or name holding a lone surrogate, is refused with a DomainError
// (CANONICAL_JSON_NUMBER, CANONICAL_JSON_STRING) saying where, as a JSON path.
struct CanonicalJson
{
    static QByteArray of(const QJsonValue &value);

    static constexpr qint64 kLargestInteger = (qint64(1) << 53) - 1;
};

} // namespace vd
