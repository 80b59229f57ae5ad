#include "democohort.h"

#include "demodice.h"
#include "demolifecycle.h"
#include "demoprogramme.h"
#include "demoproposal.h"
#include "demostaffing.h"
#include "scheme.h"

#include <QRegularExpression>

#include <algorithm>

namespace vd {

namespace {

constexpr int kDraftHorizonDays = 30;           // an application due within a month of now is still a draft
constexpr int kNextApplicationMinDays = 30;     // after the enterprise is free to apply again
constexpr int kNextApplicationMaxDays = 540;
constexpr qint64 kMinimumCapDollars = 20'000;   // below this an enterprise does not bother to apply
constexpr qsizetype kRecentEnterprises = 500;   // related enterprises are found among these
constexpr qint64 kBrModulus = 100'000'000;
constexpr qint64 kBrMultiplier = 48'271;        // coprime with 10^8, so numbers never repeat
constexpr int kOwnerCoordinatesPercent = 45;
constexpr int kOwnerSignsInPercent = 40;
constexpr int kMaxBusinessDays = 9000;          // how long before its first application a business began
const QStringList kNameNoise = {QStringLiteral("limited"), QStringLiteral("company"), QStringLiteral("co"),
                                QStringLiteral("hong"), QStringLiteral("kong"), QStringLiteral("hk"), QStringLiteral("asia")};

// What the cohort remembers of an enterprise it has yielded, to relate later ones to it.
struct PastApplication
{
    QDate submitted;
    bool counted = false; // its status counts towards the cap
    Money grant;          // the final grant, else the approved one
};

struct PastEnterprise
{
    QString id;
    QString ownerName;
    QList<PastApplication> applications;
};

QString initials(const QString &given)
{
    QString letters;
    for (const QString &part : given.split(u' ', Qt::SkipEmptyParts))
        letters += part.at(0).toLower();
    return letters;
}

QString mailbox(const DemoPerson &person)
{
    return initials(person.given) + u'.' + person.surname.toLower().remove(u' ');
}

// Whole-percent shares adding up to 100, in steps of five when shared.
QList<int> shares(DemoDice &dice, int owners)
{
    if (owners <= 1)
        return {100};
    QList<int> cuts;
    while (cuts.size() < owners - 1) {
        const int cut = 5 * int(dice.between(1, 19));
        if (!cuts.contains(cut))
            cuts.append(cut);
    }
    std::sort(cuts.begin(), cuts.end());
    QList<int> parts;
    int previous = 0;
    for (int cut : std::as_const(cuts)) {
        parts.append(cut - previous);
        previous = cut;
    }
    parts.append(100 - previous);
    std::sort(parts.begin(), parts.end(), std::greater<int>()); // the main owner first
    return parts;
}

QList<qint64> weightsOf(const QList<SchemeTerm> &terms)
{
    QList<qint64> weights;
    for (const SchemeTerm &term : terms)
        weights.append(term.attributes.value(QStringLiteral("weight")).toInteger(1));
    return weights;
}

} // namespace

struct DemoCohort::Private
{
    Private(const Scheme &scheme, quint64 seed, int applications, const QDateTime &now);

    void makeCase(DemoCase &demoCase);
    DemoCompanyName registerEnterprise(Enterprise &enterprise, QDate first);
    QList<DemoPerson> appointOwners(DemoCase &demoCase);
    DemoPerson appointUsers(DemoCase &demoCase, const DemoCompanyName &company, const QList<DemoPerson> &owners);
    void makeApplications(DemoCase &demoCase, const DemoApplicant &applicant, QDate first);
    void remember(const DemoCase &demoCase);
    QDate drawSubmission();
    QString brNumber();
    QString domainFor(const DemoCompanyName &company);
    QString phone(bool mobile);
    User applicantUser(const DemoPerson &person, const Enterprise &enterprise, const QString &email);

    DemoDice dice;
    DemoProgramme programme;
    DemoStaffing staffing;
    DemoProposal proposal;
    int total = 0;
    int yielded = 0;
    qint64 enterprises = 0;
    qint64 brOffset = 0;
    QStringList sectors, entityTypes;
    DemoWeights sectorWeights, entityTypeWeights, applicationCounts, yearWeights;
    QList<std::pair<QDate, QDate>> yearWindows;
    QHash<QString, int> domains;
    QList<PastEnterprise> recent;
    qsizetype recentNext = 0;
    std::optional<PastEnterprise> related; // of the case being made
};

DemoCohort::Private::Private(const Scheme &scheme, quint64 seed, int applications, const QDateTime &now)
    : dice(seed),
      programme(scheme, seed, now, dice),
      staffing(programme, dice, applications),
      proposal(programme, dice),
      total(std::max(0, applications)),
      brOffset(dice.below(kBrModulus)),
      sectors(scheme.sectors().ids()),
      entityTypes(scheme.entityTypes().ids()),
      sectorWeights(weightsOf(scheme.sectors().terms())),
      entityTypeWeights(programme.statistics.entityTypeWeights),
      applicationCounts(programme.statistics.applicationsPerEnterprise)
{
    // Submissions run from the scheme's opening to a month after now, each
    // year weighted by the statistics for the part of it inside that window.
    const QDate opened = programme.rules.openedOn();
    const QDate horizon = programme.now.date().addDays(kDraftHorizonDays);
    QList<qint64> weights;
    for (int year = opened.year(); year <= horizon.year(); ++year) {
        const QDate from = std::max(QDate(year, 1, 1), opened);
        const QDate to = std::min(QDate(year, 12, 31), horizon);
        yearWindows.append({from, to});
        weights.append(programme.statistics.applicationWeight(year) * 1000 * (from.daysTo(to) + 1) / QDate(year, 1, 1).daysInYear());
    }
    yearWeights = DemoWeights(weights);
}

QDate DemoCohort::Private::drawSubmission()
{
    const auto &[from, to] = yearWindows.at(yearWeights.pick(dice));
    return from.addDays(dice.below(from.daysTo(to) + 1));
}

QString DemoCohort::Private::brNumber()
{
    const qint64 number = (enterprises * kBrMultiplier + brOffset) % kBrModulus;
    return QString::number(number).rightJustified(8, u'0');
}

QString DemoCohort::Private::domainFor(const DemoCompanyName &company)
{
    static const QRegularExpression nonLetters(QStringLiteral("[^a-z0-9]+"));
    QString slug;
    for (const QString &word : company.name.en.toLower().split(nonLetters, Qt::SkipEmptyParts)) {
        if (!kNameNoise.contains(word))
            slug += word;
    }
    if (slug.isEmpty())
        slug = QStringLiteral("enterprise");
    slug.truncate(24);
    if (const int seen = domains[slug]++; seen > 0)
        slug += QString::number(seen + 1);
    return slug + QStringLiteral(".example");
}

// Hong Kong numbers: fixed lines begin with 2 or 3, mobiles with 5, 6 or 9.
QString DemoCohort::Private::phone(bool mobile)
{
    static const QList<int> mobileDigits = {5, 6, 9};
    const int first = mobile ? dice.pick(mobileDigits) : int(dice.between(2, 3));
    const QString rest = QString::number(dice.below(10'000'000)).rightJustified(7, u'0');
    return QString::number(first) + rest.left(3) + u' ' + rest.mid(3);
}

User DemoCohort::Private::applicantUser(const DemoPerson &person, const Enterprise &enterprise, const QString &email)
{
    User user;
    user.id = programme.ids.next();
    user.revision = 1;
    user.username = email;
    user.displayName = person.name;
    user.role = QStringLiteral("applicant");
    user.enterpriseId = enterprise.id;
    user.email = email;
    return user;
}

void DemoCohort::Private::makeCase(DemoCase &demoCase)
{
    const QDate first = drawSubmission();
    const DemoCompanyName company = registerEnterprise(demoCase.enterprise, first);
    const DemoAddress address = programme.vocabulary.address(dice, demoCase.enterprise.sector);
    demoCase.enterprise.address = address.text;
    const QList<DemoPerson> owners = appointOwners(demoCase);
    const DemoPerson coordinator = appointUsers(demoCase, company, owners);
    const DemoApplicant applicant{&demoCase.enterprise, demoCase.applicantUsers.constFirst().id,
                                  programme.vocabulary.titled(coordinator, dice, false),
                                  programme.vocabulary.business(dice, demoCase.enterprise.sector), address.district,
                                  dice.percent(programme.statistics.chineseCorrespondencePercent)};
    makeApplications(demoCase, applicant, first);
    remember(demoCase);
}

// Sector and constitution by the weights; before the scheme opened to all,
// only SMEs with a year of business could apply (96% of approvals went to SMEs anyway).
DemoCompanyName DemoCohort::Private::registerEnterprise(Enterprise &enterprise, QDate first)
{
    const DemoRules &rules = programme.rules;
    ++enterprises;
    enterprise.id = programme.ids.next();
    enterprise.revision = 1;
    enterprise.sector = sectors.at(sectorWeights.pick(dice));
    enterprise.entityType = entityTypes.at(entityTypeWeights.pick(dice));
    const bool statutory = enterprise.entityType == QLatin1String("statutory_body");
    const bool small = enterprise.entityType == QLatin1String("sole_proprietorship")
        || enterprise.entityType == QLatin1String("partnership");
    const DemoCompanyName company = programme.vocabulary.companyName(dice, enterprise.sector, enterprise.entityType);
    enterprise.name = company.name;
    enterprise.manufacturing = company.manufacturing;

    const DemoRuleSet *smeRules = nullptr;
    int minYears = 1;
    for (const DemoRuleSet &ruleSet : rules.ruleSets()) {
        if (ruleSet.smeOnly && !smeRules)
            smeRules = &ruleSet;
        minYears = std::max(minYears, ruleSet.minOperatingYears);
    }
    const int limit = !smeRules ? 50 : company.manufacturing ? smeRules->manufacturingEmployeesBelow : smeRules->otherEmployeesBelow;
    const QDate openToAll = rules.smeLimitsEndOn();
    const bool sme = small || (openToAll.isValid() && first < openToAll) || dice.percent(programme.statistics.smePercent);
    if (small)
        enterprise.employees = int(1 + dice.mostlySmall(14));
    else
        enterprise.employees = int(sme ? 1 + dice.mostlySmall(limit - 2) : dice.between(limit, 4 * limit));
    enterprise.businessCommenced = first.addYears(-minYears).addDays(-dice.between(0, kMaxBusinessDays));
    if (!statutory || dice.percent(50))
        enterprise.brNumber = brNumber();
    return company;
}

// Owners with shares adding up to 100; now and then the main owner also
// holds an enterprise yielded earlier, which the case declares as related.
QList<DemoPerson> DemoCohort::Private::appointOwners(DemoCase &demoCase)
{
    Enterprise &enterprise = demoCase.enterprise;
    const QString &type = enterprise.entityType;
    const int count = type == QLatin1String("statutory_body") ? 0
        : type == QLatin1String("sole_proprietorship")         ? 1
        : type == QLatin1String("partnership")                 ? int(dice.between(2, 3))
                                                               : int(dice.between(1, 4));
    const QList<int> ownerShares = shares(dice, count);
    QList<DemoPerson> owners;
    for (int i = 0; i < count; ++i) {
        owners.append(programme.vocabulary.person(dice));
        enterprise.owners.append({owners.constLast().fullName(), Percentage::fromHundredths(ownerShares.at(i) * 100)});
    }
    related.reset();
    if (count > 0 && !recent.isEmpty() && dice.percent(programme.statistics.relatedEnterprisePercent)) {
        related = dice.pick(recent);
        enterprise.owners[0].name = related->ownerName;
        demoCase.relations.append({programme.ids.next(), enterprise.id, related->id, enterprise.owners[0].share});
        owners.removeFirst(); // the person is the earlier enterprise's; no user of ours
    }
    return owners;
}

// The project coordinator (often an owner of a small firm) signs in for the
// enterprise; sometimes an owner has an account too. Returns the coordinator.
DemoPerson DemoCohort::Private::appointUsers(DemoCase &demoCase, const DemoCompanyName &company, const QList<DemoPerson> &owners)
{
    Enterprise &enterprise = demoCase.enterprise;
    const bool ownerCoordinates = !owners.isEmpty() && !related && dice.percent(kOwnerCoordinatesPercent);
    const DemoPerson coordinator = ownerCoordinates ? owners.constFirst() : programme.vocabulary.person(dice);
    const QString domain = domainFor(company);
    enterprise.contactName = coordinator.fullName();
    enterprise.contactEmail = mailbox(coordinator) + u'@' + domain;
    enterprise.contactPhone = phone(dice.percent(40));
    demoCase.applicantUsers.append(applicantUser(coordinator, enterprise, enterprise.contactEmail));
    if (!owners.isEmpty() && !related && !ownerCoordinates && dice.percent(kOwnerSignsInPercent)) {
        QString email = mailbox(owners.constFirst()) + u'@' + domain;
        if (email == enterprise.contactEmail)
            email = mailbox(owners.constFirst()) + u'2' + u'@' + domain;
        demoCase.applicantUsers.append(applicantUser(owners.constFirst(), enterprise, email));
    }
    return coordinator;
}

// Keeps what later enterprises need to relate to this one and count its grants.
void DemoCohort::Private::remember(const DemoCase &demoCase)
{
    if (demoCase.applications.isEmpty() || demoCase.enterprise.owners.isEmpty())
        return;
    PastEnterprise past{demoCase.enterprise.id, demoCase.enterprise.owners.constFirst().name, {}};
    for (const DemoApplication &record : demoCase.applications) {
        const Application &application = record.application;
        past.applications.append({application.submitted.value_or(QDate()),
                                  programme.rules.countedStatuses.contains(application.status),
                                  application.finalGrant.value_or(application.approvedGrant.value_or(Money()))});
    }
    if (recent.size() < kRecentEnterprises)
        recent.append(past);
    else
        recent[recentNext++ % kRecentEnterprises] = past;
}

// An enterprise applies again only once its previous case is over or its
// final report is in, and only while the rule set in force leaves it room
// under the cap and the project count (counting related enterprises' grants
// where the rules say so).
void DemoCohort::Private::makeApplications(DemoCase &demoCase, const DemoApplicant &applicant, QDate first)
{
    const DemoRules &rules = programme.rules;
    const DemoStatistics &statistics = programme.statistics;
    const QDate horizon = programme.now.date().addDays(kDraftHorizonDays);
    const int wanted = 1 + applicationCounts.pick(dice);
    QList<PastApplication> history;
    std::optional<QDateTime> free;
    QDate submitted = first;
    for (int i = 0; i < wanted && yielded < total; ++i) {
        if (i > 0) {
            if (!free)
                break;
            submitted = free->date().addDays(dice.between(kNextApplicationMinDays, kNextApplicationMaxDays));
            if (submitted > horizon)
                break;
        }
        const DemoRuleSet *ruleSet = rules.ruleSetOn(submitted);
        if (!ruleSet)
            break;
        Money used;
        int projects = 0;
        auto count = [&](const QList<PastApplication> &applications) {
            for (const PastApplication &past : applications) {
                if (past.counted && past.submitted < submitted) {
                    used += past.grant;
                    ++projects;
                }
            }
        };
        count(history);
        if (related && submitted < rules.relatedAggregateBefore
            && demoCase.relations.constFirst().commonOwnership >= rules.relatedMinOwnership)
            count(related->applications);
        if (projects >= ruleSet->maxProjects || ruleSet->cumulativeCap - used < Money::fromDollars(kMinimumCapDollars))
            break;

        DemoApplication record;
        Application &application = record.application;
        application.id = programme.ids.next();
        application.revision = 1;
        application.scheme = programme.scheme.id();
        application.enterpriseId = demoCase.enterprise.id;
        const Money grant = proposal.draft(application, applicant, *ruleSet, submitted, ruleSet->cumulativeCap - used);
        const qint64 share = dice.percent(statistics.vettingLongPercent)
            ? dice.around(statistics.vettingLongLowPercent, statistics.vettingLongHighPercent)
            : dice.around(statistics.vettingLowPercent, statistics.vettingHighPercent);
        const int vetting = int(statistics.averageVettingDays(submitted.year()) * share / 100);
        const int months = int(dice.between(6, rules.maxDurationMonths));
        DemoLifecycle lifecycle(programme, staffing, dice, applicant, record);
        lifecycle.live({submitted, vetting, grant, months, ruleSet});
        free = lifecycle.freeFrom();
        history.append({submitted, rules.countedStatuses.contains(application.status),
                        application.finalGrant.value_or(application.approvedGrant.value_or(Money()))});
        demoCase.applications.append(std::move(record));
        ++yielded;
    }
}

QDateTime DemoCohort::defaultNow()
{
    return QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC);
}

DemoCohort::DemoCohort(const Scheme &scheme, quint64 seed, int applications, const QDateTime &now)
    : d(std::make_unique<Private>(scheme, seed, applications, now))
{
}

DemoCohort::~DemoCohort() = default;

const DemoStaff &DemoCohort::staff() const
{
    return d->staffing.staff();
}

bool DemoCohort::next(DemoCase &demoCase)
{
    if (d->yielded >= d->total)
        return false;
    do {
        demoCase = DemoCase();
        d->makeCase(demoCase);
    } while (demoCase.applications.isEmpty());
    return true;
}

int DemoCohort::applicationsYielded() const
{
    return d->yielded;
}

int DemoCohort::applicationsTotal() const
{
    return d->total;
}

} // namespace vd
