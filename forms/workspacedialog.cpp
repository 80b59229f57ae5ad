#include "workspacedialog.h"
#include "ui_workspacedialog.h"

#include "backgroundsync.h"
#include "backofficedialog.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "domainerror.h"
#include "scheme.h"
#include "sealedworkspace.h"
#include "syncclient.h"
#include "userrepository.h"
#include "workspace.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

namespace vd {

namespace {

const QString recentKey = QStringLiteral("workspaces/recent");
constexpr int recentKept = 8;
constexpr quint64 demoSeed = 1;

} // namespace

WorkspaceDialog::WorkspaceDialog(QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::WorkspaceDialog>())
{
    ui->setupUi(this);
    fillRecent();
    connect(ui->recentList, &QListWidget::itemActivated, this, &WorkspaceDialog::openChosenRecent);
    connect(ui->recentList, &QListWidget::currentRowChanged, this, &WorkspaceDialog::updateButtons);
    connect(ui->openRecentButton, &QPushButton::clicked, this, &WorkspaceDialog::openChosenRecent);
    connect(ui->openFolderButton, &QPushButton::clicked, this, &WorkspaceDialog::chooseFolderToOpen);
    connect(ui->browseButton, &QPushButton::clicked, this, &WorkspaceDialog::chooseNewFolder);
    connect(ui->createButton, &QPushButton::clicked, this, &WorkspaceDialog::createChosen);
    connect(ui->connectButton, &QPushButton::clicked, this,
            [this] { connectToBackOffice(QDir::fromNativeSeparators(ui->folderEdit->text().trimmed())); });
    connect(ui->folderEdit, &QLineEdit::textChanged, this, &WorkspaceDialog::updateButtons);
    connect(ui->demoButton, &QRadioButton::toggled, this, &WorkspaceDialog::updateButtons);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QPalette warning = ui->problemLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xa3, 0x1b, 0x1b));
    ui->problemLabel->setPalette(warning);
    showProblem({});
    updateButtons();
}

WorkspaceDialog::~WorkspaceDialog() = default;

std::unique_ptr<Workspace> WorkspaceDialog::takeWorkspace()
{
    return std::move(m_workspace);
}

std::unique_ptr<BackgroundSync> WorkspaceDialog::takeBackgroundSync()
{
    return std::move(m_sync);
}

QString WorkspaceDialog::problem() const
{
    return ui->problemLabel->text();
}

QStringList WorkspaceDialog::recentWorkspaces()
{
    return QSettings().value(recentKey).toStringList();
}

void WorkspaceDialog::remember(const QString &folder)
{
    QStringList recent = recentWorkspaces();
    const QString path = QDir(folder).absolutePath();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(recentKey, recent.mid(0, recentKept));
}

void WorkspaceDialog::fillRecent()
{
    ui->recentList->clear();
    for (const QString &folder : recentWorkspaces()) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(folder), ui->recentList);
        item->setData(Qt::UserRole, folder);
    }
    if (ui->recentList->count() > 0)
        ui->recentList->setCurrentRow(0);
}

bool WorkspaceDialog::unlockSealed(QWidget *parent, const QString &folder)
{
    if (!SealedWorkspace::isIn(folder) || SealedWorkspace::isUnlocked(folder))
        return true;
    QString problem;
    for (;;) {
        bool given = false;
        const QString label = tr("The workspace in %1 is sealed: its cases are kept encrypted on this computer. "
                                 "Type its passphrase to open it.").arg(QDir::toNativeSeparators(folder));
        const QString passphrase = QInputDialog::getText(parent, tr("Sealed workspace"),
                                                         problem.isEmpty() ? label : problem + QStringLiteral("\n\n") + label,
                                                         QLineEdit::Password, QString(), &given);
        if (!given)
            return false;
        try {
            SealedWorkspace::unlock(folder, passphrase);
            return true;
        } catch (const DomainError &error) {
            problem = error.message();
        }
    }
}

bool WorkspaceDialog::sealForRole(QWidget *parent, const QString &folder, const QString &role)
{
    if (Workspace::existsIn(folder)
        || (role != QLatin1String("committee_member") && role != QLatin1String("committee_chair")))
        return true;
    QString problem, passphrase;
    for (;;) {
        const QString intro = tr("Cases on a committee member's computer are kept encrypted. Choose a passphrase of at "
                                 "least 8 characters for this workspace: it is asked for each time the workspace "
                                 "opens, and cannot be recovered if forgotten (the back office keeps the cases).");
        bool given = false;
        const QString first = QInputDialog::getText(parent, tr("Seal this workspace"),
                                                    problem.isEmpty() ? intro : problem + QStringLiteral("\n\n") + intro,
                                                    QLineEdit::Password, QString(), &given);
        if (!given)
            return false;
        const QString again = QInputDialog::getText(parent, tr("Seal this workspace"), tr("Type the passphrase again:"),
                                                    QLineEdit::Password, QString(), &given);
        if (!given)
            return false;
        if (first.size() < 8) {
            problem = tr("The passphrase is shorter than 8 characters.");
        } else if (first != again) {
            problem = tr("The two passphrases differ.");
        } else {
            passphrase = first;
            break;
        }
    }
    try {
        SealedWorkspace::create(folder, passphrase);
    } catch (const DomainError &error) {
        QMessageBox::warning(parent, tr("Seal this workspace"), error.fullMessage());
        return false;
    }
    return true;
}

bool WorkspaceDialog::openFolder(const QString &folder)
{
    if (!unlockSealed(this, folder))
        return false;
    try {
        m_workspace = std::make_unique<Workspace>(folder, Workspace::Mode::OpenExisting);
    } catch (const DomainError &error) {
        showProblem(tr("This folder cannot be opened as a workspace. %1").arg(error.fullMessage()));
        return false;
    }
    remember(folder);
    accept();
    return true;
}

bool WorkspaceDialog::createWorkspace(const QString &folder, int demoApplications)
{
    if (folder.trimmed().isEmpty()) {
        showProblem(tr("Say in which folder to make the workspace."));
        return false;
    }
    if (Workspace::existsIn(folder)) {
        showProblem(tr("There is already a workspace in %1. Open it instead, or choose another folder.")
                        .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    try {
        auto workspace = std::make_unique<Workspace>(folder, Workspace::Mode::CreateIfMissing);
        if (demoApplications > 0)
            writeDemo(*workspace, demoApplications);
        m_workspace = std::move(workspace);
    } catch (const DomainError &error) {
        showProblem(tr("The workspace could not be made. %1").arg(error.fullMessage()));
        return false;
    }
    remember(folder);
    accept();
    return true;
}

bool WorkspaceDialog::connectToBackOffice(const QString &folder)
{
    if (folder.trimmed().isEmpty()) {
        showProblem(tr("Say in which folder to make the workspace."));
        return false;
    }
    if (!isFreshFolder(folder)) {
        showProblem(tr("There is already a workspace in %1. Open it instead, or choose another folder.")
                        .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    auto sync = std::make_unique<BackgroundSync>(folder);
    BackOfficeDialog dialog(this);
    connect(&dialog, &BackOfficeDialog::signInRequested, sync.get(), &BackgroundSync::signIn);
    connect(sync.get(), &BackgroundSync::signInFinished, &dialog, &BackOfficeDialog::showSignInResult);
    if (dialog.exec() != QDialog::Accepted || !joinBackOffice(folder, *sync))
        return false;
    m_sync = std::move(sync);
    remember(folder);
    accept();
    return true;
}

// No workspace yet, or one that was made but never filled (a first sync that failed).
bool WorkspaceDialog::isFreshFolder(const QString &folder)
{
    if (!Workspace::existsIn(folder))
        return true;
    if (!unlockSealed(this, folder)) // a sealed one made for this (voucherdesk-cli init --sealed) may be joined
        return false;
    try {
        Workspace workspace(folder, Workspace::Mode::OpenExisting);
        return SyncClient::status(workspace).serverUrl.isEmpty() && UserRepository(workspace).all().isEmpty();
    } catch (const DomainError &) {
        return false;
    }
}

// Signed in: the workspace is made and synced once, so that it knows the person.
bool WorkspaceDialog::joinBackOffice(const QString &folder, BackgroundSync &sync)
{
    if (!sealForRole(this, folder, sync.role()))
        return false;
    try {
        m_workspace = std::make_unique<Workspace>(folder, Workspace::Mode::CreateIfMissing);
    } catch (const DomainError &error) {
        showProblem(tr("The workspace could not be made. %1").arg(error.fullMessage()));
        return false;
    }
    if (const QString problem = sync.syncAndWait(this); !problem.isEmpty()) {
        m_workspace.reset();
        showProblem(tr("The first sync with the back office failed, so the workspace in %1 is still empty; "
                       "connect again to retry. %2").arg(QDir::toNativeSeparators(folder), problem));
        return false;
    }
    if (!UserRepository(*m_workspace).findByUsername(sync.username())) {
        m_workspace.reset();
        showProblem(tr("The back office did not send the account of %1, so nobody could work at this desk. Ask "
                       "the secretariat whether %1 may use the desktop application.").arg(sync.username()));
        return false;
    }
    return true;
}

// The demo is written in one transaction: cancelling is not offered, and a
// failure leaves the new workspace empty.
void WorkspaceDialog::writeDemo(Workspace &workspace, int applications)
{
    QProgressDialog progress(tr("Writing demo applications…"), QString(), 0, applications, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    DemoCohort cohort(Scheme::technologyVoucher(), demoSeed, applications);
    DemoWorkspace(workspace).write(cohort, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
    });
}

void WorkspaceDialog::openChosenRecent()
{
    if (const QListWidgetItem *item = ui->recentList->currentItem())
        openFolder(item->data(Qt::UserRole).toString());
}

void WorkspaceDialog::chooseFolderToOpen()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a Workspace Folder"));
    if (!folder.isEmpty())
        openFolder(folder);
}

void WorkspaceDialog::chooseNewFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the New Workspace"));
    if (!folder.isEmpty())
        ui->folderEdit->setText(QDir::toNativeSeparators(folder));
}

void WorkspaceDialog::createChosen()
{
    createWorkspace(QDir::fromNativeSeparators(ui->folderEdit->text().trimmed()),
                    ui->demoButton->isChecked() ? ui->demoApplications->value() : 0);
}

void WorkspaceDialog::showProblem(const QString &problem)
{
    ui->problemLabel->setText(problem);
    ui->problemLabel->setVisible(!problem.isEmpty());
}

void WorkspaceDialog::updateButtons()
{
    ui->openRecentButton->setEnabled(ui->recentList->currentItem() != nullptr);
    ui->createButton->setEnabled(!ui->folderEdit->text().trimmed().isEmpty());
    ui->connectButton->setEnabled(!ui->folderEdit->text().trimmed().isEmpty());
    ui->demoApplications->setEnabled(ui->demoButton->isChecked());
}

void WorkspaceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace vd
