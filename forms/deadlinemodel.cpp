#include "deadlinemodel.h"

#include "modelwording.h"
#include "scheme.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>

namespace vd {

namespace {

struct DeadlineKind
{
    const char *id;
    const char *name;
};

const DeadlineKind deadlineKinds[] = {
    {"clarification_response", QT_TRANSLATE_NOOP("vd::DeadlineModel", "Answer to clarification")},
    {"result_notice", QT_TRANSLATE_NOOP("vd::DeadlineModel", "Committee result to the applicant (2 working days)")},
    {"vetting_decision", QT_TRANSLATE_NOOP("vd::DeadlineModel", "Vetting result (60 working days)")},
    {"final_report", QT_TRANSLATE_NOOP("vd::DeadlineModel", "Final report")},
    {"evaluation_report", QT_TRANSLATE_NOOP("vd::DeadlineModel", "Evaluation report")},
    {"records_retention", QT_TRANSLATE_NOOP("vd::DeadlineModel", "Keep project records")},
};

const QColor overdueBackground(0xfb, 0xe3, 0xe1);
const QColor overdueText(0xa3, 0x1b, 0x1b);

} // namespace

QString deadlineKindName(const QString &kind)
{
    for (const DeadlineKind &known : deadlineKinds) {
        if (kind == QLatin1String(known.id))
            return QCoreApplication::translate("vd::DeadlineModel", known.name);
    }
    return kind;
}

DeadlineModel::DeadlineModel(const Scheme &scheme, QObject *parent) : QAbstractTableModel(parent), m_scheme(scheme)
{
}

void DeadlineModel::setDeadlines(QList<WatchedDeadline> deadlines, QDate today)
{
    beginResetModel();
    m_deadlines = std::move(deadlines);
    m_today = today;
    endResetModel();
}

int DeadlineModel::overdueCount() const
{
    return int(std::count_if(m_deadlines.cbegin(), m_deadlines.cend(), [](const WatchedDeadline &row) {
        return row.deadline.state == QLatin1String("overdue");
    }));
}

int DeadlineModel::dueWithin(int days) const
{
    const QDate until = m_today.addDays(days);
    return int(std::count_if(m_deadlines.cbegin(), m_deadlines.cend(), [&](const WatchedDeadline &row) {
        return row.deadline.state != QLatin1String("overdue") && row.deadline.dueOn >= m_today
            && row.deadline.dueOn <= until;
    }));
}

void DeadlineModel::retranslate()
{
    announceNewWording(*this);
}

int DeadlineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deadlines.size());
}

int DeadlineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeadlineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount())
        return {};
    const WatchedDeadline &row = m_deadlines.at(index.row());
    const bool overdue = row.deadline.state == QLatin1String("overdue");
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(row.deadline.label(QLocale()), row.application.title.in(QLocale()));
    case Qt::BackgroundRole:
        return overdue ? QVariant(QBrush(overdueBackground)) : QVariant();
    case Qt::ForegroundRole:
        return overdue && index.column() == StateColumn ? QVariant(QBrush(overdueText)) : QVariant();
    case Qt::FontRole:
        if (overdue && index.column() == StateColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ApplicationIdRole:
        return row.application.id;
    case DeadlineRole:
        return QVariant::fromValue(row.deadline);
    case OverdueRole:
        return overdue;
    default:
        return {};
    }
}

QString DeadlineModel::displayText(const WatchedDeadline &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case DueColumn:
        return locale.toString(row.deadline.dueOn, QLocale::ShortFormat);
    case StateColumn:
        return stateText(row.deadline);
    case DeadlineColumn:
        return deadlineKindName(row.deadline.kind);
    case CaseColumn:
        return row.application.reference.isEmpty() ? row.application.title.in(locale) : row.application.reference;
    case ApplicantColumn:
        return row.application.enterpriseName.in(locale);
    case StatusColumn:
        return m_scheme.statuses().nameOf(row.application.status, locale);
    default:
        return {};
    }
}

QString DeadlineModel::stateText(const CaseDeadline &deadline) const
{
    const int days = int(m_today.daysTo(deadline.dueOn));
    if (days < 0)
        return tr("Overdue by %n day(s)", nullptr, -days);
    if (days == 0)
        return tr("Due today");
    return tr("Due in %n day(s)", nullptr, days);
}

QVariant DeadlineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DueColumn:
        return tr("Due");
    case StateColumn:
        return tr("When");
    case DeadlineColumn:
        return tr("Deadline");
    case CaseColumn:
        return tr("Case");
    case ApplicantColumn:
        return tr("Applicant");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace vd
