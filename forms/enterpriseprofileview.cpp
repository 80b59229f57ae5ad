#include "enterpriseprofileview.h"
#include "ui_enterpriseprofileview.h"

#include "desksession.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "rulebook.h"
#include "unitofwork.h"
#include "uuid.h"
#include "workspace.h"

#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace vd {

namespace {

enum OwnerColumn { OwnerName, OwnerShare, OwnerColumnCount };

const QString kStatutoryBody = QStringLiteral("statutory_body");

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

EnterpriseProfileView::EnterpriseProfileView(DeskSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), ui(std::make_unique<Ui::EnterpriseProfileView>())
{
    ui->setupUi(this);
    ui->brNumber->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), this));
    ui->owners->setColumnCount(OwnerColumnCount);
    ui->owners->horizontalHeader()->setSectionResizeMode(OwnerName, QHeaderView::Stretch);
    ui->owners->horizontalHeader()->setSectionResizeMode(OwnerShare, QHeaderView::ResizeToContents);
    ui->owners->verticalHeader()->hide();
    fillChoices();

    const auto changed = [this] {
        if (!m_filling)
            validate();
    };
    for (QLineEdit *field : {ui->nameEn, ui->nameZh, ui->brNumber, ui->contactName, ui->contactPhone, ui->contactEmail})
        connect(field, &QLineEdit::textChanged, this, changed);
    for (QPlainTextEdit *field : {ui->addressEn, ui->addressZh})
        connect(field, &QPlainTextEdit::textChanged, this, changed);
    for (QCheckBox *field : {ui->manufacturing, ui->substantiveBusiness, ui->listed, ui->governmentSubvented})
        connect(field, &QCheckBox::toggled, this, changed);
    connect(ui->entityType, &QComboBox::currentIndexChanged, this, changed);
    connect(ui->sector, &QComboBox::currentIndexChanged, this, changed);
    connect(ui->employees, &QSpinBox::valueChanged, this, changed);
    connect(ui->businessCommenced, &QDateEdit::dateChanged, this, changed);
    connect(ui->owners, &QTableWidget::itemChanged, this, changed);
    connect(ui->addOwner, &QPushButton::clicked, this, &EnterpriseProfileView::addOwner);
    connect(ui->removeOwner, &QPushButton::clicked, this, [this] {
        if (ui->owners->currentRow() >= 0)
            ui->owners->removeRow(ui->owners->currentRow());
        validate();
    });
    connect(ui->buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &EnterpriseProfileView::save);
    connect(ui->buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, &EnterpriseProfileView::revert);

    const QString id = session.user().enterpriseId;
    if (const std::optional<Enterprise> stored = id.isEmpty() ? std::nullopt : EnterpriseRepository(session.workspace()).find(id))
        m_stored = *stored;
    else
        m_stored.entityType = session.scheme().entityTypes().terms().value(0).id;
    fill(m_stored);
}

EnterpriseProfileView::~EnterpriseProfileView() = default;

void EnterpriseProfileView::fillChoices()
{
    const auto fillFrom = [](QComboBox *combo, const SchemeVocabulary &vocabulary) {
        const QSignalBlocker block(combo);
        const QVariant current = combo->currentData();
        combo->clear();
        for (const SchemeTerm &term : vocabulary.terms())
            combo->addItem(term.name.in(QLocale()), term.id);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    fillFrom(ui->entityType, m_session.scheme().entityTypes());
    fillFrom(ui->sector, m_session.scheme().sectors());
    ui->owners->setHorizontalHeaderLabels({tr("Name"), tr("Share (%)")});
    ui->businessCommenced->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
}

void EnterpriseProfileView::fill(const Enterprise &e)
{
    m_filling = true;
    ui->nameEn->setText(e.name.en);
    ui->nameZh->setText(e.name.zh);
    ui->brNumber->setText(e.brNumber.value_or(QString()));
    ui->entityType->setCurrentIndex(std::max(0, ui->entityType->findData(e.entityType)));
    ui->sector->setCurrentIndex(std::max(0, ui->sector->findData(e.sector)));
    ui->businessCommenced->setDate(e.businessCommenced.isValid() ? e.businessCommenced : QDate::currentDate());
    ui->employees->setValue(e.employees);
    ui->manufacturing->setChecked(e.manufacturing);
    ui->substantiveBusiness->setChecked(e.substantiveBusinessInHk);
    ui->listed->setChecked(e.listed);
    ui->governmentSubvented->setChecked(e.governmentSubvented);
    ui->addressEn->setPlainText(e.address.en);
    ui->addressZh->setPlainText(e.address.zh);
    ui->contactName->setText(e.contactName);
    ui->contactPhone->setText(e.contactPhone);
    ui->contactEmail->setText(e.contactEmail);
    ui->owners->setRowCount(0);
    for (const Owner &owner : e.owners) {
        const int row = ui->owners->rowCount();
        ui->owners->insertRow(row);
        ui->owners->setItem(row, OwnerName, new QTableWidgetItem(owner.name));
        ui->owners->setItem(row, OwnerShare, new QTableWidgetItem(owner.share.toString()));
    }
    m_filling = false;
    validate();
}

Enterprise EnterpriseProfileView::enterprise() const
{
    Enterprise e = m_stored;
    e.name = {ui->nameEn->text().trimmed(), ui->nameZh->text().trimmed()};
    const QString br = ui->brNumber->text().trimmed();
    e.brNumber = br.isEmpty() ? std::nullopt : std::optional<QString>(br);
    e.entityType = ui->entityType->currentData().toString();
    e.sector = ui->sector->currentData().toString();
    e.businessCommenced = ui->businessCommenced->date();
    e.employees = ui->employees->value();
    e.manufacturing = ui->manufacturing->isChecked();
    e.substantiveBusinessInHk = ui->substantiveBusiness->isChecked();
    e.listed = ui->listed->isChecked();
    e.governmentSubvented = ui->governmentSubvented->isChecked();
    e.address = {ui->addressEn->toPlainText().trimmed(), ui->addressZh->toPlainText().trimmed()};
    e.contactName = ui->contactName->text().trimmed();
    e.contactPhone = ui->contactPhone->text().trimmed();
    e.contactEmail = ui->contactEmail->text().trimmed();
    e.owners.clear();
    for (int row = 0; row < ui->owners->rowCount(); ++row) {
        const QTableWidgetItem *name = ui->owners->item(row, OwnerName);
        const QTableWidgetItem *share = ui->owners->item(row, OwnerShare);
        e.owners.append({name ? name->text().trimmed() : QString(),
                         Percentage::parse(share ? share->text().trimmed() : QString()).value_or(Percentage())});
    }
    return e;
}

// Checks every field, shows each problem under its field and enables Save only when there is none.
void EnterpriseProfileView::validate()
{
    const bool statutory = ui->entityType->currentData().toString() == kStatutoryBody;
    const RuleSet *rules = RuleBook::technologyVoucher().ruleSetFor(QDate::currentDate());
    const QString br = ui->brNumber->text().trimmed();
    QString brError;
    if (br.isEmpty() && !statutory)
        brError = tr("Enter the 8-digit number on your business registration certificate. Only a statutory body may leave it empty.");
    else if (!br.isEmpty() && rules && !rules->brNumberPattern.match(br).hasMatch())
        brError = tr("A business registration number has 8 digits; this one has %n.", nullptr, int(br.size()));
    showError(ui->brNumberError, brError);

    showError(ui->nameError, ui->nameEn->text().trimmed().isEmpty() && ui->nameZh->text().trimmed().isEmpty()
                                 ? tr("Give the enterprise's name in English, in Chinese or both.")
                                 : QString());

    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString address = ui->contactEmail->text().trimmed();
    showError(ui->contactEmailError, !address.isEmpty() && !email.match(address).hasMatch()
                                         ? tr("This is not an email address. Write it as name@example.com.")
                                         : QString());

    QStringList ownerProblems;
    int total = 0;
    for (int row = 0; row < ui->owners->rowCount(); ++row) {
        const QTableWidgetItem *name = ui->owners->item(row, OwnerName);
        const QTableWidgetItem *share = ui->owners->item(row, OwnerShare);
        const QString number = QLocale().toString(row + 1);
        if (!name || name->text().trimmed().isEmpty())
            ownerProblems << tr("Owner %1 has no name.").arg(number);
        const auto percentage = Percentage::parse(share ? share->text().trimmed() : QString());
        if (!percentage)
            ownerProblems << tr("The share of owner %1 must be a number from 0 to 100, such as 40 or 12.5.").arg(number);
        else
            total += percentage->hundredths();
    }
    if (total > 10000)
        ownerProblems << tr("The owners' shares add up to more than 100%.");
    showError(ui->ownersError, ownerProblems.join(u'\n'));

    ui->buttons->button(QDialogButtonBox::Save)->setEnabled(isValid());
    ui->buttons->button(QDialogButtonBox::Reset)->setEnabled(enterprise() != m_stored);
}

bool EnterpriseProfileView::isValid() const
{
    for (const QLabel *error : {ui->brNumberError, ui->nameError, ui->contactEmailError, ui->ownersError}) {
        if (!error->text().isEmpty())
            return false;
    }
    return true;
}

bool EnterpriseProfileView::save()
{
    validate();
    if (!isValid())
        return false;
    Enterprise changed = enterprise();
    if (changed.id.isEmpty())
        changed.id = newUuid();
    try {
        UnitOfWork work(m_session.workspace(), m_session.user().id);
        EnterpriseRepository(m_session.workspace()).save(work, changed);
        work.commit();
    } catch (const DomainError &error) {
        showBanner(tr("The profile could not be saved: %1").arg(error.message()), true);
        return false;
    }
    m_stored = changed;
    fill(m_stored);
    showBanner(tr("The profile is saved."), false);
    emit saved(m_stored.id);
    return true;
}

void EnterpriseProfileView::revert()
{
    fill(m_stored);
    showBanner(QString(), false);
}

void EnterpriseProfileView::addOwner()
{
    const int row = ui->owners->rowCount();
    ui->owners->insertRow(row);
    ui->owners->setItem(row, OwnerName, new QTableWidgetItem());
    ui->owners->setItem(row, OwnerShare, new QTableWidgetItem());
    ui->owners->setCurrentCell(row, OwnerName);
    ui->owners->editItem(ui->owners->item(row, OwnerName));
    validate();
}

void EnterpriseProfileView::showBanner(const QString &text, bool problem)
{
    ui->banner->setText(text);
    ui->banner->setStyleSheet(problem ? QStringLiteral("QLabel { color: #a00000; font-weight: bold; }") : QString());
    ui->banner->setVisible(!text.isEmpty());
}

void EnterpriseProfileView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        fillChoices();
        validate();
    }
    QWidget::changeEvent(event);
}

} // namespace vd
