#include "demovocabulary.h"

#include "demodice.h"
#include "domainerror.h"
#include "jsonreader.h"
#include "scheme.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include <algorithm>

namespace vd {

namespace {

// The kinds of letter and reason the casework writes; each must be in the file.
const QStringList kLetterKinds = {
    QStringLiteral("acknowledgement"), QStringLiteral("clarification_request"), QStringLiteral("clarification_reminder"),
    QStringLiteral("clarification_answer"), QStringLiteral("result_supported"), QStringLiteral("result_not_supported"),
    QStringLiteral("approval"), QStringLiteral("agreement_issued"), QStringLiteral("signing_booked"),
    QStringLiteral("signing_chaser"), QStringLiteral("payment_advice"), QStringLiteral("business_registration_request"),
    QStringLiteral("final_report_reminder"), QStringLiteral("final_report_received"), QStringLiteral("final_report_returned"),
    QStringLiteral("evaluation_report_received"), QStringLiteral("case_closed"), QStringLiteral("returned"),
    QStringLiteral("not_processed"), QStringLiteral("withdrawal"), QStringLiteral("withdrawal_acknowledged"),
    QStringLiteral("termination"), QStringLiteral("change_request"), QStringLiteral("change_decision"),
    QStringLiteral("site_check_notice")};
const QStringList kReasonKinds = {
    QStringLiteral("return_ineligible"), QStringLiteral("withdraw"), QStringLiteral("mark_not_processed"),
    QStringLiteral("record_not_supported"), QStringLiteral("terminate_before_signing"),
    QStringLiteral("terminate_during_project"), QStringLiteral("terminate_suspicious"), QStringLiteral("return_final_report")};

// Words lower-cased inside an English title.
const QStringList kSmallWords = {QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("and"), QStringLiteral("for"),
                                 QStringLiteral("in"), QStringLiteral("of"), QStringLiteral("the"), QStringLiteral("to"),
                                 QStringLiteral("with")};

BilingualText pairOf(const JsonReader &element)
{
    const QJsonArray pair = element.value().toArray();
    if (!element.value().isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
        element.failHere(QCoreApplication::translate("vd::DemoVocabulary", "expected [English, Chinese]"));
    return {pair.at(0).toString(), pair.at(1).toString()};
}

BilingualText pair(const JsonReader &reader, const QString &key)
{
    return pairOf(reader.field(key));
}

QList<BilingualText> pairs(const JsonReader &reader, const QString &key, bool required = true)
{
    QList<BilingualText> list;
    for (const JsonReader &element : reader.array(key))
        list.append(pairOf(element));
    if (required && list.isEmpty())
        reader.fail(key, QCoreApplication::translate("vd::DemoVocabulary", "list at least one entry"));
    return list;
}

QStringList strings(const JsonReader &reader, const QString &key)
{
    QStringList list;
    for (const JsonReader &element : reader.array(key)) {
        if (!element.value().isString())
            element.failHere(QCoreApplication::translate("vd::DemoVocabulary", "expected text"));
        list.append(element.value().toString());
    }
    if (list.isEmpty())
        reader.fail(key, QCoreApplication::translate("vd::DemoVocabulary", "list at least one entry"));
    return list;
}

QString joinWords(std::initializer_list<QString> words)
{
    QString joined;
    for (const QString &word : words) {
        if (word.isEmpty())
            continue;
        if (!joined.isEmpty())
            joined += u' ';
        joined += word;
    }
    return joined;
}

// "three retail shops" → "Three Retail Shops", for a value set into an English title.
QString titleCase(const QString &text)
{
    QStringList words = text.split(u' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &word = words[i];
        if (!word.isEmpty() && (i == 0 || !kSmallWords.contains(word)))
            word[0] = word[0].toUpper();
    }
    return words.join(u' ');
}

QString grouped(qint64 dollars)
{
    QString digits = QString::number(dollars);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    return digits;
}

} // namespace

DemoVocabulary DemoVocabulary::fromJson(const QByteArray &bytes, const QString &sourceName, const Scheme &scheme)
{
    const JsonReader root(JsonReader::parseDocument(bytes, sourceName), QString());
    if (root.string(QStringLiteral("format")) != QLatin1String("voucherdesk.demo-vocabulary/1"))
        root.fail(QStringLiteral("format"), QCoreApplication::translate("vd::DemoVocabulary", "not a demo vocabulary this program knows"));
    DemoVocabulary v;

    const JsonReader company = root.object(QStringLiteral("company"));
    v.m_firstSyllables = pairs(company, QStringLiteral("first_syllables"));
    v.m_secondSyllables = pairs(company, QStringLiteral("second_syllables"));
    v.m_brands = pairs(company, QStringLiteral("brands"));
    v.m_statutoryBodies = pairs(company, QStringLiteral("statutory_bodies"));
    const JsonReader suffixes = company.object(QStringLiteral("suffixes"));
    for (const QString &entityType : scheme.entityTypes().ids())
        v.m_suffixes.insert(entityType, pairs(suffixes, entityType));

    const JsonReader sectors = root.object(QStringLiteral("sectors"));
    for (const QString &sector : scheme.sectors().ids()) {
        const JsonReader words = sectors.object(sector);
        v.m_sectors.insert(sector, {words.oneOf(QStringLiteral("premises"), {QStringLiteral("shop"), QStringLiteral("office"),
                                                                            QStringLiteral("industrial")}),
                                    pairs(words, QStringLiteral("trades")),
                                    pairs(words, QStringLiteral("manufacturing_trades"), false),
                                    pairs(words, QStringLiteral("businesses"))});
    }

    const JsonReader people = root.object(QStringLiteral("people"));
    v.m_surnames = pairs(people, QStringLiteral("surnames"));
    v.m_maleNames = pairs(people, QStringLiteral("given_names_male"));
    v.m_femaleNames = pairs(people, QStringLiteral("given_names_female"));
    v.m_maleEnglishNames = strings(people, QStringLiteral("english_names_male"));
    v.m_femaleEnglishNames = strings(people, QStringLiteral("english_names_female"));
    const JsonReader honorifics = people.object(QStringLiteral("honorifics"));
    v.m_mister = pair(honorifics, QStringLiteral("male"));
    v.m_madam = pair(honorifics, QStringLiteral("female"));
    v.m_distinctions = pairs(honorifics, QStringLiteral("distinguished"));

    const JsonReader places = root.object(QStringLiteral("places"));
    const JsonReader regions = places.object(QStringLiteral("regions"));
    for (const JsonReader &entry : places.array(QStringLiteral("districts"))) {
        const District district{pair(entry, QStringLiteral("name")), pair(regions, entry.string(QStringLiteral("region"))),
                                entry.boolean(QStringLiteral("industrial")), pairs(entry, QStringLiteral("streets"))};
        v.m_districts.append(district);
        if (district.industrial)
            v.m_industrialDistricts.append(district);
    }
    if (v.m_industrialDistricts.isEmpty())
        places.fail(QStringLiteral("districts"), QCoreApplication::translate("vd::DemoVocabulary", "mark at least one district as industrial"));
    const JsonReader buildings = places.object(QStringLiteral("buildings"));
    for (const QString &kind : {QStringLiteral("industrial"), QStringLiteral("commercial")})
        v.m_buildings.insert(kind, pairs(buildings, kind));
    const JsonReader formats = places.object(QStringLiteral("address_formats"));
    for (const QString &kind : {QStringLiteral("office"), QStringLiteral("industrial"), QStringLiteral("shop")})
        v.m_addressFormats.insert(kind, pair(formats, kind));

    const JsonReader suppliers = root.object(QStringLiteral("suppliers"));
    v.m_supplierStems = pairs(suppliers, QStringLiteral("stems"));
    v.m_supplierWords = pairs(suppliers, QStringLiteral("words"));
    v.m_supplierSuffixes = pairs(suppliers, QStringLiteral("suffixes"));
    v.m_auditFirmFormat = pair(suppliers, QStringLiteral("audit_firm_format"));

    const JsonReader projects = root.object(QStringLiteral("projects"));
    for (const QString &solution : scheme.solutionCategories().ids()) {
        const JsonReader words = projects.object(solution);
        v.m_solutions.insert(solution, {pairs(words, QStringLiteral("titles")), pairs(words, QStringLiteral("modules")),
                                        pairs(words, QStringLiteral("solution")), pairs(words, QStringLiteral("benefits"))});
    }
    v.m_projectContexts = pairs(root, QStringLiteral("project_contexts"));

    const JsonReader items = root.object(QStringLiteral("budget_items"));
    const QStringList solutions = scheme.solutionCategories().ids();
    for (const QString &category : scheme.budgetCategories().ids()) {
        for (const JsonReader &item : items.array(category)) {
            const BilingualText text = pair(item, QStringLiteral("text"));
            QStringList fitting;
            for (const JsonReader &solution : item.array(QStringLiteral("solutions"))) {
                if (!solutions.contains(solution.value().toString()))
                    solution.failHere(QCoreApplication::translate("vd::DemoVocabulary", "not a solution category of the scheme"));
                fitting.append(solution.value().toString());
            }
            for (const QString &solution : fitting.isEmpty() ? solutions : fitting)
                v.m_budgetItems[category + u'/' + solution].append(text);
        }
        for (const QString &solution : solutions) {
            if (!v.m_budgetItems.contains(category + u'/' + solution))
                items.fail(category, QCoreApplication::translate("vd::DemoVocabulary", "no item fits the solution \"%1\": add one, or one for every solution").arg(solution));
        }
    }
    v.m_applicantDeclarations = strings(root, QStringLiteral("applicant_declarations"));

    const JsonReader committee = root.object(QStringLiteral("committee"));
    v.m_committeeName = pair(committee, QStringLiteral("name"));
    v.m_venues = pairs(committee, QStringLiteral("venues"));
    v.m_videoVenue = pair(committee, QStringLiteral("video_venue"));

    const JsonReader casework = root.object(QStringLiteral("casework"));
    for (const JsonReader &entry : casework.array(QStringLiteral("clarifications")))
        v.m_clarifications.append({pair(entry, QStringLiteral("question")), pair(entry, QStringLiteral("answer"))});
    if (v.m_clarifications.isEmpty())
        casework.fail(QStringLiteral("clarifications"), QCoreApplication::translate("vd::DemoVocabulary", "list at least one entry"));
    const JsonReader letters = casework.object(QStringLiteral("correspondence"));
    for (const QString &kind : kLetterKinds) {
        const JsonReader letter = letters.object(kind);
        v.m_letters.insert(kind, {pair(letter, QStringLiteral("subject")), pair(letter, QStringLiteral("body"))});
    }
    const JsonReader reasons = casework.object(QStringLiteral("reasons"));
    for (const QString &kind : kReasonKinds)
        v.m_reasons.insert(kind, pairs(reasons, kind));
    const JsonReader comments = casework.object(QStringLiteral("review_comments"));
    const JsonReader decisions = casework.object(QStringLiteral("change_decisions"));
    const JsonReader checks = casework.object(QStringLiteral("site_checks"));
    const JsonReader reports = casework.object(QStringLiteral("reports"));
    auto set = [&v](DemoPhrases list, QList<BilingualText> phrases) { v.m_phrases[size_t(list)] = std::move(phrases); };
    set(DemoPhrases::Conditions, pairs(casework, QStringLiteral("conditions")));
    set(DemoPhrases::Justifications, pairs(casework, QStringLiteral("justifications")));
    set(DemoPhrases::SupportiveComments, pairs(comments, QStringLiteral("supported")));
    set(DemoPhrases::CriticalComments, pairs(comments, QStringLiteral("not_supported")));
    set(DemoPhrases::CaseConflicts, pairs(casework, QStringLiteral("case_conflicts")));
    set(DemoPhrases::AnnualDeclarations, pairs(casework, QStringLiteral("annual_declarations")));
    set(DemoPhrases::ChangeRequests, pairs(casework, QStringLiteral("change_requests")));
    set(DemoPhrases::ChangeApproved, pairs(decisions, QStringLiteral("approved")));
    set(DemoPhrases::ChangeRejected, pairs(decisions, QStringLiteral("rejected")));
    set(DemoPhrases::SiteSatisfactory, pairs(checks, QStringLiteral("satisfactory")));
    set(DemoPhrases::SiteIssuesFound, pairs(checks, QStringLiteral("issues_found")));
    set(DemoPhrases::SiteSuspicious, pairs(checks, QStringLiteral("suspicious")));
    set(DemoPhrases::FinalReports, pairs(reports, QStringLiteral("final")));
    set(DemoPhrases::EvaluationReports, pairs(reports, QStringLiteral("evaluation")));
    v.m_reductionCondition = pair(casework, QStringLiteral("reduction_condition"));
    const JsonReader milestones = casework.object(QStringLiteral("milestones"));
    v.m_initialMilestone = pair(milestones, QStringLiteral("initial"));
    v.m_finalMilestone = pair(milestones, QStringLiteral("final"));

    const JsonReader textFormats = root.object(QStringLiteral("formats"));
    v.m_moneyFormat = pair(textFormats, QStringLiteral("money"));
    v.m_dateFormat = pair(textFormats, QStringLiteral("date"));
    v.m_titledFormat = pair(textFormats, QStringLiteral("named_person"));
    v.m_monthNames = strings(textFormats, QStringLiteral("months"));
    if (v.m_monthNames.size() != 12)
        textFormats.fail(QStringLiteral("months"), QCoreApplication::translate("vd::DemoVocabulary", "list the twelve months"));
    return v;
}

DemoVocabulary DemoVocabulary::shipped(const Scheme &scheme)
{
    const QString path = QStringLiteral(":/voucherdesk/demo/vocabulary.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DomainError(QStringLiteral("DEMO_DATA_UNREADABLE"), path, file.errorString());
    return fromJson(file.readAll(), path, scheme);
}

DemoPerson DemoVocabulary::person(DemoDice &dice) const
{
    DemoPerson person;
    person.female = dice.percent(50);
    const BilingualText &surname = dice.pick(m_surnames);
    const BilingualText &given = dice.pick(person.female ? m_femaleNames : m_maleNames);
    person.surname = surname.en;
    person.given = given.en;
    const QString english = dice.percent(35) ? dice.pick(person.female ? m_femaleEnglishNames : m_maleEnglishNames) : QString();
    person.name = {joinWords({english, surname.en, given.en}), surname.zh + given.zh};
    return person;
}

BilingualText DemoVocabulary::titled(const DemoPerson &person, DemoDice &dice, bool distinguished) const
{
    const BilingualText &title = distinguished && dice.percent(50) ? dice.pick(m_distinctions)
                                                                   : (person.female ? m_madam : m_mister);
    return {fill(m_titledFormat.en, {{QStringLiteral("{honorific}"), title.en}, {QStringLiteral("{name}"), person.name.en}}),
            fill(m_titledFormat.zh, {{QStringLiteral("{honorific}"), title.zh}, {QStringLiteral("{name}"), person.name.zh}})};
}

BilingualText DemoVocabulary::stem(DemoDice &dice) const
{
    if (dice.percent(25))
        return dice.pick(m_brands);
    const BilingualText &first = dice.pick(m_firstSyllables);
    BilingualText second = dice.pick(m_secondSyllables);
    while (second.zh == first.zh)
        second = dice.pick(m_secondSyllables);
    return {first.en + u' ' + second.en, first.zh + second.zh};
}

DemoCompanyName DemoVocabulary::companyName(DemoDice &dice, const QString &sector, const QString &entityType) const
{
    if (entityType == QLatin1String("statutory_body")) {
        const BilingualText &body = dice.pick(m_statutoryBodies);
        return {body, body, false};
    }
    const SectorWords &words = m_sectors.value(sector);
    const bool manufacturing = !words.manufacturingTrades.isEmpty() && dice.percent(15);
    const BilingualText &trade = dice.pick(manufacturing ? words.manufacturingTrades : words.trades);
    const BilingualText &suffix = dice.pick(m_suffixes.value(entityType));
    const BilingualText name = stem(dice);
    return {{joinWords({name.en, trade.en, suffix.en}), name.zh + trade.zh + suffix.zh}, name, manufacturing};
}

DemoAddress DemoVocabulary::address(DemoDice &dice, const QString &sector) const
{
    QString premises = m_sectors.value(sector).premises;
    if (premises == QLatin1String("shop") && dice.percent(30))
        premises = QStringLiteral("office");
    const bool industrial = premises == QLatin1String("industrial");
    const District &district = dice.pick(industrial ? m_industrialDistricts : m_districts);
    const BilingualText &street = dice.pick(district.streets);
    const BilingualText buildingStem = stem(dice);
    const BilingualText &building = dice.pick(m_buildings.value(industrial ? QStringLiteral("industrial") : QStringLiteral("commercial")));
    const QString unit = dice.percent(50) ? QString(QChar(char16_t(u'A' + dice.below(8)))) : QString::number(dice.between(1, 25));
    const DemoFields common = {{QStringLiteral("{unit}"), unit},
                               {QStringLiteral("{floor}"), QString::number(dice.between(1, 30))},
                               {QStringLiteral("{shop}"), QString::number(dice.between(1, 60))},
                               {QStringLiteral("{number}"), QString::number(dice.between(1, 250))}};
    auto inOne = [&](bool chinese) {
        DemoFields fields = common;
        fields.append({QStringLiteral("{building}"), fill(inLanguage(building, chinese), {{QStringLiteral("{stem}"), inLanguage(buildingStem, chinese)}})});
        fields.append({QStringLiteral("{street}"), inLanguage(street, chinese)});
        fields.append({QStringLiteral("{district}"), inLanguage(district.name, chinese)});
        fields.append({QStringLiteral("{region}"), inLanguage(district.region, chinese)});
        return fill(inLanguage(m_addressFormats.value(premises), chinese), fields);
    };
    return {{inOne(false), inOne(true)}, district.name};
}

BilingualText DemoVocabulary::business(DemoDice &dice, const QString &sector) const
{
    return dice.pick(m_sectors.value(sector).businesses);
}

QString DemoVocabulary::supplierName(DemoDice &dice) const
{
    const BilingualText name = dice.percent(70) ? dice.pick(m_supplierStems) : stem(dice);
    const BilingualText &word = dice.pick(m_supplierWords);
    const BilingualText &suffix = dice.pick(m_supplierSuffixes);
    return joinWords({name.en, word.en, suffix.en}) + u' ' + name.zh + word.zh + suffix.zh;
}

QString DemoVocabulary::auditFirmName(DemoDice &dice) const
{
    const BilingualText &first = dice.pick(m_surnames);
    BilingualText second = dice.pick(m_surnames);
    while (second.zh == first.zh)
        second = dice.pick(m_surnames);
    auto inOne = [&](bool chinese) {
        return fill(inLanguage(m_auditFirmFormat, chinese),
                    {{QStringLiteral("{first}"), inLanguage(first, chinese)}, {QStringLiteral("{second}"), inLanguage(second, chinese)}});
    };
    return inOne(false) + u' ' + inOne(true);
}

BilingualText DemoVocabulary::projectTitle(DemoDice &dice, const QString &solution, const BilingualText &business) const
{
    const SolutionWords &words = m_solutions.value(solution);
    const BilingualText &title = dice.pick(words.titles);
    const BilingualText &module = dice.pick(words.modules);
    return {fill(title.en, {{QStringLiteral("{business}"), titleCase(business.en)}, {QStringLiteral("{module}"), titleCase(module.en)}}),
            fill(title.zh, {{QStringLiteral("{business}"), business.zh}, {QStringLiteral("{module}"), module.zh}})};
}

BilingualText DemoVocabulary::projectDescription(DemoDice &dice, const QString &solution, const BilingualText &business,
                                                 const BilingualText &district, int employees) const
{
    const SolutionWords &words = m_solutions.value(solution);
    QList<BilingualText> sentences = {dice.pick(m_projectContexts)};
    if (dice.percent(40)) {
        const BilingualText &more = dice.pick(m_projectContexts);
        if (more != sentences.constFirst())
            sentences.append(more);
    }
    sentences.append(dice.pick(words.solution));
    sentences.append(dice.pick(words.benefits));
    const BilingualText &module = dice.pick(words.modules);
    const QString percent = QString::number(5 * dice.between(3, 10));
    auto inOne = [&](bool chinese) {
        QStringList text;
        for (const BilingualText &sentence : sentences)
            text.append(inLanguage(sentence, chinese));
        return fill(text.join(chinese ? QString() : QStringLiteral(" ")),
                    {{QStringLiteral("{business}"), inLanguage(business, chinese)},
                     {QStringLiteral("{district}"), inLanguage(district, chinese)},
                     {QStringLiteral("{employees}"), QString::number(employees)},
                     {QStringLiteral("{module}"), inLanguage(module, chinese)},
                     {QStringLiteral("{percent}"), percent}});
    };
    return {inOne(false), inOne(true)};
}

BilingualText DemoVocabulary::budgetItem(DemoDice &dice, const QString &category, const QString &solution, int months) const
{
    const BilingualText &item = dice.pick(m_budgetItems.value(category + u'/' + solution));
    const DemoFields fields = {{QStringLiteral("{months}"), QString::number(months)}};
    return {fill(item.en, fields), fill(item.zh, fields)};
}

const DemoClarification &DemoVocabulary::clarification(DemoDice &dice) const
{
    return dice.pick(m_clarifications);
}

const DemoLetter &DemoVocabulary::letter(const QString &kind) const
{
    Q_ASSERT_X(m_letters.contains(kind), "DemoVocabulary::letter", "a letter kind missing from kLetterKinds");
    return *m_letters.constFind(kind);
}

const BilingualText &DemoVocabulary::reason(DemoDice &dice, const QString &kind) const
{
    Q_ASSERT_X(m_reasons.contains(kind), "DemoVocabulary::reason", "a reason kind missing from kReasonKinds");
    return dice.pick(*m_reasons.constFind(kind));
}

const BilingualText &DemoVocabulary::phrase(DemoDice &dice, DemoPhrases list) const
{
    return dice.pick(m_phrases[size_t(list)]);
}

const BilingualText &DemoVocabulary::venue(DemoDice &dice) const
{
    return dice.pick(m_venues);
}

QString DemoVocabulary::money(Money amount, bool chinese) const
{
    QString figure = grouped(amount.cents() / 100);
    if (amount.cents() % 100 != 0)
        figure += u'.' + QString::number(amount.cents() % 100).rightJustified(2, u'0');
    return fill(inLanguage(m_moneyFormat, chinese), {{QStringLiteral("{amount}"), figure}});
}

QString DemoVocabulary::date(QDate date, bool chinese) const
{
    return fill(inLanguage(m_dateFormat, chinese), {{QStringLiteral("{day}"), QString::number(date.day())},
                                                    {QStringLiteral("{month}"), m_monthNames.at(date.month() - 1)},
                                                    {QStringLiteral("{month_number}"), QString::number(date.month())},
                                                    {QStringLiteral("{year}"), QString::number(date.year())}});
}

// One pass over the pattern: each {placeholder} found is looked up among the fields.
QString DemoVocabulary::fill(QString pattern, const DemoFields &fields)
{
    qsizetype open = pattern.indexOf(u'{');
    if (open < 0)
        return pattern;
    QString filled;
    filled.reserve(pattern.size() + 64);
    qsizetype from = 0;
    while (open >= 0) {
        const qsizetype close = pattern.indexOf(u'}', open);
        if (close < 0)
            break;
        const QStringView placeholder = QStringView(pattern).sliced(open, close - open + 1);
        const auto field = std::find_if(fields.cbegin(), fields.cend(),
                                        [&](const auto &entry) { return entry.first == placeholder; });
        filled += QStringView(pattern).sliced(from, open - from);
        filled += field == fields.cend() ? placeholder : QStringView(field->second);
        from = close + 1;
        open = pattern.indexOf(u'{', from);
    }
    filled += QStringView(pattern).sliced(from);
    return filled;
}

} // namespace vd
