#include "workspacedialog.h"
#include "ui_workspacedialog.h"

#include "democohort.h"
#include "demoworkspace.h"
#include "domainerror.h"
#include "scheme.h"
#include "workspace.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
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

bool WorkspaceDialog::openFolder(const QString &folder)
{
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
    if (QFileInfo::exists(Workspace::fileIn(folder))) {
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
    ui->demoApplications->setEnabled(ui->demoButton->isChecked());
}

void WorkspaceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace vd
