#include "backofficedialog.h"
#include "ui_backofficedialog.h"

#include "backofficeconnection.h"
#include "domainerror.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>

namespace vd {

namespace {

const QString addressKey = QStringLiteral("backOffice/address");
const QString usernameKey = QStringLiteral("backOffice/username");
const QString certificateKey = QStringLiteral("backOffice/certificateFile");

} // namespace

BackOfficeDialog::BackOfficeDialog(QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::BackOfficeDialog>())
{
    ui->setupUi(this);
    ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    QPalette warning = ui->problemLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xa3, 0x1b, 0x1b));
    ui->problemLabel->setPalette(warning);
    for (QLineEdit *edit : {ui->addressEdit, ui->userEdit, ui->passwordEdit, ui->certificateEdit})
        connect(edit, &QLineEdit::textChanged, this, &BackOfficeDialog::edited);
    connect(ui->browseButton, &QPushButton::clicked, this, &BackOfficeDialog::chooseCertificate);
    connect(ui->buttons, &QDialogButtonBox::accepted, this, &BackOfficeDialog::connectChosen);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setAccount(remembered());
    showProblem();
}

BackOfficeDialog::~BackOfficeDialog() = default;

void BackOfficeDialog::setAccount(const BackOfficeAccount &account)
{
    ui->addressEdit->setText(account.address);
    ui->userEdit->setText(account.username);
    ui->certificateEdit->setText(QDir::toNativeSeparators(account.certificateFile));
    if (!account.password.isEmpty())
        ui->passwordEdit->setText(account.password);
    // The one to fill in next gets the focus.
    for (QLineEdit *edit : {ui->addressEdit, ui->userEdit, ui->passwordEdit}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            break;
        }
    }
}

BackOfficeAccount BackOfficeDialog::account() const
{
    return {ui->addressEdit->text().trimmed(), ui->userEdit->text().trimmed(), ui->passwordEdit->text(),
            QDir::fromNativeSeparators(ui->certificateEdit->text().trimmed())};
}

// The sync client's own rule (BackOfficeConnection), so that the dialog never
// accepts an address the client refuses, worded as a sentence.
QString BackOfficeDialog::addressProblem(const QString &address)
{
    if (address.trimmed().isEmpty())
        return tr("Enter the address of the back office, such as https://backoffice.example:8443.");
    try {
        BackOfficeConnection check(address);
    } catch (const DomainError &error) {
        QString sentence = error.message();
        if (!sentence.isEmpty())
            sentence[0] = sentence.at(0).toUpper();
        if (sentence.endsWith(u'.') || sentence.endsWith(u'。'))
            return sentence;
        return tr("%1.", "a message made into a sentence: the full stop of the language").arg(sentence);
    }
    return {};
}

// The first field that is wrong. With onlyEdited, a field still empty because
// nobody has typed in it yet is not called wrong (Connect stays disabled).
QString BackOfficeDialog::fieldProblem(bool onlyEdited) const
{
    const BackOfficeAccount chosen = account();
    const auto counts = [onlyEdited](const QLineEdit *edit) { return !onlyEdited || edit->isModified() || !edit->text().isEmpty(); };
    if (counts(ui->addressEdit)) {
        if (const QString problem = addressProblem(chosen.address); !problem.isEmpty())
            return problem;
    }
    if (chosen.username.isEmpty() && counts(ui->userEdit))
        return tr("Enter your user name at the back office.");
    if (chosen.password.isEmpty() && counts(ui->passwordEdit))
        return tr("Enter your password at the back office.");
    if (!chosen.certificateFile.isEmpty() && !QFileInfo(chosen.certificateFile).isReadable())
        return tr("The certificate file %1 cannot be read. Choose the certificate (PEM) file the back office "
                  "gave you, or leave the field empty.").arg(QDir::toNativeSeparators(chosen.certificateFile));
    return {};
}

QString BackOfficeDialog::problem() const
{
    const QString problem = fieldProblem(false);
    return problem.isEmpty() ? m_answer : problem;
}

void BackOfficeDialog::edited()
{
    m_answer.clear();
    showProblem();
}

void BackOfficeDialog::showProblem()
{
    const QString shown = m_signingIn ? QString() : (fieldProblem(true).isEmpty() ? m_answer : fieldProblem(true));
    ui->problemLabel->setText(shown);
    ui->problemLabel->setVisible(!shown.isEmpty());
    const bool ready = !m_signingIn && fieldProblem(false).isEmpty();
    ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    for (QWidget *field : {static_cast<QWidget *>(ui->addressEdit), static_cast<QWidget *>(ui->userEdit),
                           static_cast<QWidget *>(ui->passwordEdit), static_cast<QWidget *>(ui->certificateEdit),
                           static_cast<QWidget *>(ui->browseButton)})
        field->setEnabled(!m_signingIn);
}

void BackOfficeDialog::connectChosen()
{
    if (m_signingIn || !fieldProblem(false).isEmpty())
        return;
    m_signingIn = true;
    m_answer.clear();
    showProblem();
    ui->problemLabel->setText(tr("Signing in to %1…").arg(account().address));
    ui->problemLabel->setVisible(true);
    emit signInRequested(account());
}

void BackOfficeDialog::showSignInResult(const QString &problem)
{
    if (!m_signingIn)
        return;
    m_signingIn = false;
    if (problem.isEmpty()) {
        remember(account());
        ui->passwordEdit->clear();
        accept();
        return;
    }
    m_answer = problem;
    showProblem();
    ui->passwordEdit->setFocus();
    ui->passwordEdit->selectAll();
}

void BackOfficeDialog::chooseCertificate()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Certificate of the Back Office"),
                                                      QFileInfo(account().certificateFile).path(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        ui->certificateEdit->setText(QDir::toNativeSeparators(file));
}

BackOfficeAccount BackOfficeDialog::remembered()
{
    const QSettings settings;
    return {settings.value(addressKey).toString(), settings.value(usernameKey).toString(), {},
            settings.value(certificateKey).toString()};
}

void BackOfficeDialog::remember(const BackOfficeAccount &account)
{
    QSettings settings;
    settings.setValue(addressKey, account.address);
    settings.setValue(usernameKey, account.username);
    settings.setValue(certificateKey, account.certificateFile);
}

void BackOfficeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
        showProblem();
    }
    QDialog::changeEvent(event);
}

} // namespace vd
