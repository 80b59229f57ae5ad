#pragma once

// The application the sync benchmarks move (vd-sync-bench, vd-json-parse-bench):
// the bulk in budget items with quotations, as in a real one, and the last
// item's justification making up about `bytes` bytes of compact JSON; the
// searchable text (title, description) the length of a real one.
#include "application.h"
#include "recordjson.h"

namespace vd::bench {

inline Application benchApplication(int i, const QString &enterpriseId, int bytes)
{
    Application application;
    application.enterpriseId = enterpriseId;
    application.title = {QStringLiteral("Case %1").arg(i), QStringLiteral("個案 %1").arg(i)};
    application.solutionCategory = QStringLiteral("erp");
    application.description = {QStringLiteral("A cloud ERP for stock, orders and invoices."),
                               QStringLiteral("以雲端企業資源規劃系統管理存貨、訂單及發票。")};
    application.start = QDate(2027, 1, 1);
    application.end = QDate(2027, 12, 31);
    for (int item = 0; item < 4; ++item) {
        BudgetItem budget;
        budget.category = QStringLiteral("customised_software");
        budget.description = {QStringLiteral("Module %1: design, build and training").arg(item),
                              QStringLiteral("模組 %1：設計、開發及培訓").arg(item)};
        budget.amount = Money::fromCents(4500000 + item * 100000);
        for (int quote = 0; quote < 2; ++quote)
            budget.quotations.append({QString(), QStringLiteral("Supplier %1 Limited").arg(quote),
                                      Money::fromCents(4500000 + item * 100000 + quote * 50000), quote == 0, false});
        application.items.append(budget);
    }
    const qsizetype base = record::toCompactJson(application).size();
    application.items.last().justification = QString(qMax<qsizetype>(0, bytes - base), u'x');
    return application;
}

} // namespace vd::bench
