// vd-audit-bench DIR N: a workspace whose audit trail holds N more entries,
// written fast (through UnitOfWork::record, 50,000 to a transaction, not
// queued for sync), for timing `voucherdesk-cli audit verify`. The entries
// are shaped like a programme's: mostly new status changes, letters,
// attendance and reviews, with an application update (before and after, a few
// kilobytes each) every fortieth entry.
#include "recordjson.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QUuid>

namespace {

constexpr qint64 kPerTransaction = 50'000;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

vd::Application applicationRecord(const QString &id, const QString &status)
{
    vd::Application a;
    a.id = id;
    a.revision = 3;
    a.reference = QStringLiteral("TVP/2024/01234");
    a.enterpriseId = newId();
    a.status = status;
    a.title = {QStringLiteral("Cloud ERP with Inventory and Point of Sale for a Trading Company"),
               QStringLiteral("貿易公司雲端企業資源規劃、存貨及銷售點系統")};
    a.description = {QStringLiteral("Orders, stock and accounts are kept in spreadsheets and re-keyed at each month end. "
                                    "The project replaces them with a customised ERP system covering sales, purchasing "
                                    "and accounting, integrated with the shop's point of sale."),
                     QStringLiteral("訂單、存貨及帳目以試算表記錄，每月結算時須重新輸入。項目將以度身訂造的企業資源規劃系統"
                                    "取代，涵蓋銷售、採購及會計，並與店舖銷售點系統整合。")};
    a.solutionCategory = QStringLiteral("erp");
    a.submitted = QDate(2024, 3, 2);
    a.start = QDate(2024, 6, 1);
    a.end = QDate(2025, 3, 31);
    for (int i = 0; i < 4; ++i) {
        vd::BudgetItem item;
        item.id = newId();
        item.category = QStringLiteral("customised_software");
        item.description = {QStringLiteral("ERP modules: sales, purchasing, accounting"), QStringLiteral("企業資源規劃模組：銷售、採購、會計")};
        item.amount = vd::Money::fromDollars(48000 + 1000 * i);
        for (int q = 0; q < 3; ++q)
            item.quotations.append({newId(), QStringLiteral("Supplier %1 Technology Limited 科技有限公司").arg(q),
                                    vd::Money::fromDollars(48000 + 1000 * i + 2500 * q), q == 0, false});
        a.items.append(item);
    }
    a.caseOfficerId = newId();
    a.createdAt = QDateTime(QDate(2024, 2, 20), QTime(3, 0), Qt::UTC);
    a.updatedAt = QDateTime(QDate(2024, 3, 2), QTime(3, 0), Qt::UTC);
    return a;
}

vd::RecordedChange created(const char *entity, const QString &id, const QByteArray &json)
{
    return {QStringLiteral("create"), QString::fromLatin1(entity), id, QByteArray(), json, 0, 1, {}, {}, {}};
}

// The i-th entry of the trail.
vd::RecordedChange change(qint64 i, const QDateTime &at)
{
    const QString id = newId();
    switch (i % 40) {
    case 0: {
        const vd::Application before = applicationRecord(id, QStringLiteral("screening"));
        vd::Application after = before;
        after.status = QStringLiteral("committee_assessment");
        after.revision += 1;
        return {QStringLiteral("refer_to_committee"), QStringLiteral("application"), id,
                vd::record::toCompactJson(before), vd::record::toCompactJson(after), before.revision, after.revision,
                {}, {}, {}};
    }
    case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: case 10: {
        const vd::StatusChange change{id, newId(), QStringLiteral("start_screening"), QStringLiteral("submitted"),
                                      QStringLiteral("screening"), newId(), at, QString()};
        return created("status_change", id, vd::record::toCompactJson(change));
    }
    case 11: case 12: case 13: case 14: case 15: case 16: case 17: case 18: case 19: case 20: {
        const vd::CorrespondenceEntry letter{id, newId(), QStringLiteral("outgoing"), QStringLiteral("email"),
                                             QStringLiteral("要求澄清資料：TVP/2024/01234"),
                                             QStringLiteral("請於14日內提供第二項預算的報價單副本。"), newId(), at, QString()};
        return created("correspondence_entry", id, vd::record::toCompactJson(letter));
    }
    case 21: case 22: case 23: case 24: case 25: case 26: case 27: case 28: {
        const vd::Attendance attendance{id, newId(), newId(), QStringLiteral("present")};
        return created("attendance", id, vd::record::toCompactJson(attendance));
    }
    default: {
        vd::Review review{id, 1, newId(), newId(), newId(), {}, true,
                          QStringLiteral("Reasonable scope for an enterprise of this size; the budget is in line with the quotations."), at};
        for (const char *criterion : {"relevance", "technology", "implementation", "cost_effectiveness", "benefits"})
            review.scores.append({QString::fromLatin1(criterion), 4});
        return created("review", id, vd::record::toCompactJson(review));
    }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool ok = false;
    const qint64 entries = arguments.size() == 3 ? arguments[2].toLongLong(&ok) : 0;
    if (!ok || entries < 1) {
        QTextStream(stderr) << "usage: vd-audit-bench DIR N\n";
        return 2;
    }
    vd::Workspace workspace(arguments[1]);
    QElapsedTimer timer;
    timer.start();
    QDateTime at(QDate(2017, 1, 2), QTime(1, 0), Qt::UTC);
    qint64 jsonBytes = 0;
    for (qint64 written = 0; written < entries;) {
        vd::UnitOfWork work(workspace, newId(), vd::ChangeOrigin::Synced);
        for (qint64 i = 0; i < kPerTransaction && written < entries; ++i, ++written) {
            at = at.addSecs(97);
            work.setTime(at);
            const vd::RecordedChange recorded = change(written, at);
            jsonBytes += recorded.beforeJson.size() + recorded.afterJson.size();
            work.record(recorded);
        }
        work.commit();
    }
    QTextStream(stdout) << "wrote " << entries << " audit entries (" << jsonBytes / entries << " bytes of JSON each on average) in "
                        << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
    return 0;
}
