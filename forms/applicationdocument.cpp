#include "applicationdocument.h"

#include "domainerror.h"
#include "scheme.h"

#include <QFile>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTranslator>

namespace vd {

namespace {

const char *const kContext = "vd::ApplicationDocument";

// The document is bilingual whatever language is installed, so each label is
// looked up in the English and the Hong Kong Chinese translations directly.
class BilingualLabels
{
public:
    BilingualLabels()
        : m_hasEnglish(m_english.load(QStringLiteral(":/i18n/voucherdesk_en.qm"))),
          m_hasChinese(m_chinese.load(QStringLiteral(":/i18n/voucherdesk_zh_HK.qm")))
    {}

    static const BilingualLabels &instance()
    {
        static const BilingualLabels labels;
        return labels;
    }

    QString english(const char *source) const { return inOrSource(m_english, m_hasEnglish, source); }
    QString chinese(const char *source) const { return inOrSource(m_chinese, m_hasChinese, source); }

private:
    // Untranslated labels are printed in the source text (English) rather than left out.
    static QString inOrSource(const QTranslator &translator, bool loaded, const char *source)
    {
        const QString text = loaded ? translator.translate(kContext, source) : QString();
        return text.isEmpty() ? QString::fromUtf8(source) : text;
    }

    QTranslator m_english;
    QTranslator m_chinese;
    bool m_hasEnglish;
    bool m_hasChinese;
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

// "Project title / 項目名稱", English first, the Chinese below it.
QString label(const char *source)
{
    const BilingualLabels &labels = BilingualLabels::instance();
    const QString en = labels.english(source);
    const QString zh = labels.chinese(source);
    return en == zh ? escaped(en) : escaped(en) + QStringLiteral("<br>") + escaped(zh);
}

const QLocale &documentLocale()
{
    static const QLocale locale(QLocale::English, QLocale::HongKong);
    return locale;
}

QString money(Money amount)
{
    return amount.toDisplayString(documentLocale());
}

QString date(QDate day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QStringLiteral("—");
}

QString termName(const SchemeVocabulary &vocabulary, const QString &id)
{
    const SchemeTerm *term = vocabulary.find(id);
    if (!term)
        return escaped(id);
    return escaped(term->name.en) + QStringLiteral("<br>") + escaped(term->name.zhHK);
}

QString heading(const char *source)
{
    return QStringLiteral("<h2>%1</h2>").arg(label(source));
}

// A row of a field with its English and Chinese texts side by side.
QString bilingualRow(const char *source, const BilingualText &text)
{
    return QStringLiteral("<tr><th align=left width=22%>%1</th><td width=39%>%2</td><td width=39%>%3</td></tr>")
        .arg(label(source), escaped(text.en), escaped(text.zh));
}

QString row(const char *source, const QString &html)
{
    return QStringLiteral("<tr><th align=left width=22%>%1</th><td colspan=2>%2</td></tr>").arg(label(source), html);
}

QString table(const QString &rows)
{
    return QStringLiteral("<table width=100% border=1 cellspacing=0 cellpadding=4>%1</table>").arg(rows);
}

} // namespace

ApplicationDocument::ApplicationDocument(Application application, Enterprise applicant, const Scheme &scheme)
    : m_application(std::move(application)), m_applicant(std::move(applicant)), m_scheme(scheme)
{
}

QString ApplicationDocument::applicantSection() const
{
    return heading(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Applicant"))
        + table(bilingualRow(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Name"), m_applicant.name)
                + row(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Business registration number"),
                      escaped(m_applicant.brNumber.value_or(QStringLiteral("—"))))
                + bilingualRow(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Address"), m_applicant.address)
                + row(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Contact"),
                      escaped(QStringList{m_applicant.contactName, m_applicant.contactPhone, m_applicant.contactEmail}
                                  .filter(QRegularExpression(QStringLiteral("\\S")))
                                  .join(QStringLiteral(" · ")))));
}

QString ApplicationDocument::projectSection() const
{
    const Application &a = m_application;
    return heading(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Project"))
        + table(bilingualRow(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Project title"), a.title)
                + bilingualRow(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Project description"), a.description)
                + row(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Solution category"),
                      termName(m_scheme.solutionCategories(), a.solutionCategory))
                + row(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Project period"),
                      date(a.start) + QStringLiteral(" – ") + date(a.end)));
}

QString ApplicationDocument::budgetSection() const
{
    QString rows = QStringLiteral("<tr><th>#</th><th>%1</th><th>%2</th><th>%3</th></tr>")
                       .arg(label(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Category")),
                            label(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Description")),
                            label(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Amount")));
    for (qsizetype i = 0; i < m_application.items.size(); ++i) {
        const BudgetItem &item = m_application.items.at(i);
        QString quotations;
        for (const Quotation &quotation : item.quotations)
            quotations += QStringLiteral("<br>%1 %2: %3").arg(quotation.selected ? QStringLiteral("☑") : QStringLiteral("☐"),
                                                             escaped(quotation.supplier), money(quotation.amount));
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3<br>%4%5</td><td align=right>%6</td></tr>")
                    .arg(i + 1)
                    .arg(termName(m_scheme.budgetCategories(), item.category), escaped(item.description.en),
                         escaped(item.description.zh), quotations, money(item.amount));
    }
    rows += QStringLiteral("<tr><th colspan=3 align=left>%1</th><th align=right>%2</th></tr>")
                .arg(label(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Total project cost")),
                     money(m_application.totalCost()));
    return heading(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Budget and quotations")) + table(rows);
}

QString ApplicationDocument::attachmentsSection() const
{
    QString rows;
    for (const AttachmentReference &attachment : m_application.attachments)
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td><small>SHA-256 %3</small></td></tr>")
                    .arg(escaped(attachment.fileName), termName(m_scheme.attachmentKinds(), attachment.kind),
                         attachment.sha256);
    if (rows.isEmpty())
        rows = QStringLiteral("<tr><td>%1</td></tr>").arg(label(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "None")));
    return heading(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Attachments")) + table(rows);
}

QString ApplicationDocument::declarationsSection() const
{
    QString rows;
    for (const SchemeTerm &term : m_scheme.applicantDeclarations().terms()) {
        const auto declared = std::find_if(m_application.declarations.begin(), m_application.declarations.end(),
                                           [&term](const ApplicantDeclaration &d) { return d.kind == term.id; });
        const bool accepted = declared != m_application.declarations.end() && declared->accepted;
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(accepted ? QStringLiteral("☑") : QStringLiteral("☐"), escaped(term.name.en),
                         escaped(term.name.zhHK));
    }
    return heading(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Declarations")) + table(rows);
}

QString ApplicationDocument::html() const
{
    const QString reference = m_application.reference.isEmpty()
        ? label(QT_TRANSLATE_NOOP("vd::ApplicationDocument", "Draft, not yet submitted"))
        : escaped(m_application.reference);
    const SchemeTerm *status = m_scheme.statuses().find(m_application.status);
    return QStringLiteral("<html><body><h1>%1<br>%2</h1><p>%3 · %4</p>%5%6%7%8%9</body></html>")
        .arg(escaped(m_scheme.name().en), escaped(m_scheme.name().zhHK), reference,
             status ? escaped(status->name.en + QStringLiteral(" / ") + status->name.zhHK) : QString(),
             applicantSection(), projectSection(), budgetSection(), attachmentsSection(), declarationsSection());
}

void ApplicationDocument::print(QPagedPaintDevice &device) const
{
    QTextDocument document;
    document.setHtml(html());
    document.print(&device);
}

void ApplicationDocument::writePdf(const QString &path) const
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(m_application.title.en.isEmpty() ? m_application.title.zh : m_application.title.en);
        writer.setCreator(QStringLiteral("VoucherDesk"));
        print(writer);
    }
    if (QFile(path).size() <= 0)
        throw DomainError(QStringLiteral("PDF_NOT_WRITTEN"), path,
                          tr("The PDF could not be written. Check that the folder exists and can be written to."));
}

} // namespace vd
