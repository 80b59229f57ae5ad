#pragma once

// A workspace filled the way the demo command fills one: enterprises with
// owners, applications with budget items, quotations, attachment references,
// declarations and a status history, every change audited and queued, one
// unit of work per batch of applications.

#include "applicationrepository.h"
#include "enterpriserepository.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QStringList>

#include <random>

namespace vd::bench {

struct FillFigures
{
    qint64 applications = 0;
    qint64 statusChanges = 0;
    qint64 milliseconds = 0;
};

inline const QStringList &englishWords()
{
    static const QStringList words{
        QStringLiteral("cloud"), QStringLiteral("ERP"), QStringLiteral("inventory"), QStringLiteral("point of sale"),
        QStringLiteral("booking"), QStringLiteral("queue"), QStringLiteral("document"), QStringLiteral("mobile"),
        QStringLiteral("trading"), QStringLiteral("restaurant"), QStringLiteral("logistics"), QStringLiteral("IT"),
        QStringLiteral("system"), QStringLiteral("upgrade"), QStringLiteral("RFID"), QStringLiteral("analytics"),
        QStringLiteral("warehouse"), QStringLiteral("e-commerce"), QStringLiteral("CRM"), QStringLiteral("payroll")};
    return words;
}

inline const QStringList &chineseWords()
{
    static const QStringList words{
        QStringLiteral("雲端"), QStringLiteral("企業資源規劃"), QStringLiteral("存貨管理"), QStringLiteral("銷售點系統"),
        QStringLiteral("預約"), QStringLiteral("排隊"), QStringLiteral("文件管理"), QStringLiteral("流動"),
        QStringLiteral("貿易"), QStringLiteral("餐廳"), QStringLiteral("物流"), QStringLiteral("資訊科技"),
        QStringLiteral("系統"), QStringLiteral("提升"), QStringLiteral("無線射頻"), QStringLiteral("數據分析"),
        QStringLiteral("倉庫"), QStringLiteral("電子商貿"), QStringLiteral("客戶關係"), QStringLiteral("薪酬")};
    return words;
}

inline const QStringList &nameParts()
{
    static const QStringList parts{
        QStringLiteral("Wing"), QStringLiteral("Fat"), QStringLiteral("Golden"), QStringLiteral("Dragon"),
        QStringLiteral("Harbour"), QStringLiteral("Peak"), QStringLiteral("Lucky"), QStringLiteral("Star"),
        QStringLiteral("Ocean"), QStringLiteral("Jade"), QStringLiteral("Pearl"), QStringLiteral("Sun")};
    return parts;
}

inline const QStringList &chineseNameParts()
{
    static const QStringList parts{QStringLiteral("永"), QStringLiteral("發"), QStringLiteral("金"), QStringLiteral("龍"),
                                   QStringLiteral("港"), QStringLiteral("峰"), QStringLiteral("福"), QStringLiteral("星"),
                                   QStringLiteral("海"), QStringLiteral("玉"), QStringLiteral("珠"), QStringLiteral("日")};
    return parts;
}

class Filler
{
public:
    Filler(Workspace &workspace, ChangeOrigin origin, unsigned seed = 42)
        : m_workspace(workspace), m_origin(origin), m_random(seed)
    {
    }

    FillFigures fill(int applications, int batch = 1000)
    {
        QElapsedTimer timer;
        timer.start();
        FillFigures figures;
        EnterpriseRepository enterprises(m_workspace);
        ApplicationRepository repository(m_workspace);
        const int enterpriseCount = std::max(1, applications / 2);
        for (int done = 0; done < applications; done += batch) {
            UnitOfWork work(m_workspace, QStringLiteral("demo"), m_origin);
            for (int i = done; i < std::min(applications, done + batch); ++i) {
                if (i < enterpriseCount) {
                    Enterprise enterprise = makeEnterprise(i);
                    enterprises.save(work, enterprise);
                    m_enterpriseIds.append(enterprise.id);
                }
                Application application = makeApplication(i);
                const QDate submitted = *application.submitted;
                work.setTime(QDateTime(submitted, QTime(9, 0), Qt::UTC));
                repository.save(work, application, QStringLiteral("submit"));
                ++figures.applications;
                const QStringList path = statusPath();
                for (int step = 1; step < path.size(); ++step) {
                    StatusChange change;
                    change.applicationId = application.id;
                    change.action = QStringLiteral("step");
                    change.fromStatus = path[step - 1];
                    change.toStatus = path[step];
                    change.actorId = QStringLiteral("officer");
                    change.at = QDateTime(submitted.addDays(step * 7), QTime(10, 0), Qt::UTC);
                    work.setTime(change.at);
                    repository.recordStatusChange(work, change);
                    ++figures.statusChanges;
                }
            }
            work.commit();
        }
        figures.milliseconds = timer.elapsed();
        return figures;
    }

private:
    int pick(int size) { return std::uniform_int_distribution<int>(0, size - 1)(m_random); }

    QString words(const QStringList &from, int count, const QString &separator)
    {
        QStringList chosen;
        for (int i = 0; i < count; ++i)
            chosen << from[pick(from.size())];
        return chosen.join(separator);
    }

    Enterprise makeEnterprise(int i)
    {
        Enterprise enterprise;
        enterprise.brNumber = QStringLiteral("%1").arg(10000000 + i * 37 % 89999999, 8, 10, QLatin1Char('0'));
        enterprise.name = {words(nameParts(), 2, QStringLiteral(" ")) + QStringLiteral(" Trading Ltd"),
                           words(chineseNameParts(), 2, QString()) + QStringLiteral("貿易有限公司")};
        enterprise.entityType = QStringLiteral("company");
        enterprise.businessCommenced = QDate(2005 + pick(15), 1 + pick(12), 1);
        enterprise.employees = 1 + pick(60);
        enterprise.sector = QStringLiteral("sector_%1").arg(pick(10));
        enterprise.owners = {{QStringLiteral("Owner %1").arg(i), Percentage::fromHundredths(6000)},
                             {QStringLiteral("Partner %1").arg(i), Percentage::fromHundredths(4000)}};
        enterprise.address = {QStringLiteral("%1 Queen's Road").arg(1 + pick(300)), QStringLiteral("皇后大道")};
        enterprise.contactEmail = QStringLiteral("contact%1@example.com").arg(i);
        return enterprise;
    }

    Application makeApplication(int i)
    {
        Application application;
        application.reference = QStringLiteral("TVP/%1/%2").arg(2017 + i % 9).arg(i, 6, 10, QLatin1Char('0'));
        application.enterpriseId = m_enterpriseIds[pick(m_enterpriseIds.size())];
        application.status = QStringLiteral("closed");
        application.title = {words(englishWords(), 3, QStringLiteral(" ")), words(chineseWords(), 2, QString())};
        application.description = {QStringLiteral("Adopting ") + words(englishWords(), 6, QStringLiteral(" ")),
                                    QStringLiteral("採用") + words(chineseWords(), 4, QString())};
        application.solutionCategory = QStringLiteral("erp");
        application.submitted = QDate(2017 + i % 9, 1 + pick(12), 1 + pick(28));
        application.start = application.submitted->addMonths(2);
        application.end = application.start.addMonths(10);
        application.caseOfficerId = QStringLiteral("officer-%1").arg(pick(20));
        const int items = 1 + pick(4);
        for (int item = 0; item < items; ++item) {
            BudgetItem budgetItem;
            budgetItem.category = QStringLiteral("customised_software");
            budgetItem.description = {words(englishWords(), 2, QStringLiteral(" ")), words(chineseWords(), 1, QString())};
            budgetItem.amount = Money::fromDollars(10000 + pick(90000));
            for (int q = 0; q < 3; ++q)
                budgetItem.quotations.append({QString(), QStringLiteral("Supplier %1").arg(pick(500)),
                                              q == 0 ? budgetItem.amount : Money::fromDollars(110000 + pick(1000)), q == 0,
                                              false});
            application.items.append(budgetItem);
        }
        for (int a = 0; a < 2; ++a)
            application.attachments.append({QString(), QStringLiteral("quotation"), QStringLiteral("quotation-%1.pdf").arg(a),
                                             QStringLiteral("%1").arg(i, 64, 10, QLatin1Char('0')), 100000 + pick(900000)});
        application.declarations = {{QStringLiteral("no_double_funding"), true, QDateTime(*application.submitted, QTime(9, 0), Qt::UTC)},
                                    {QStringLiteral("accuracy"), true, QDateTime(*application.submitted, QTime(9, 0), Qt::UTC)}};
        application.approvedGrant = Money::fromDollars(50000 + pick(100000));
        return application;
    }

    QStringList statusPath()
    {
        static const QStringList full{QStringLiteral("submitted"), QStringLiteral("screening"),
                                      QStringLiteral("committee_assessment"), QStringLiteral("supported"),
                                      QStringLiteral("approved"), QStringLiteral("agreement_pending"),
                                      QStringLiteral("agreement_signed"), QStringLiteral("in_progress")};
        return full.mid(0, 2 + pick(full.size() - 1));
    }

    Workspace &m_workspace;
    ChangeOrigin m_origin;
    std::mt19937 m_random;
    QStringList m_enterpriseIds;
};

} // namespace vd::bench
