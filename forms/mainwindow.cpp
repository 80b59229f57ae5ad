#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "applicationrepository.h"
#include "desksession.h"
#include "interfacelanguage.h"
#include "language.h"
#include "workspace.h"

#include <QActionGroup>
#include <QDir>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>

namespace vd {

struct MainWindow::PageEntry
{
    QString id;
    QWidget *widget = nullptr;
    const char *titleSourceText = nullptr;
    QAction *viewAction = nullptr;
};

MainWindow::MainWindow(DeskSession &session, QWidget *parent)
    : QMainWindow(parent), ui(std::make_unique<Ui::MainWindow>()), m_session(session),
      m_languages(new QActionGroup(this)), m_userLabel(new QLabel(this)), m_roleLabel(new QLabel(this)),
      m_workspaceLabel(new QLabel(this))
{
    ui->setupUi(this);
    setCentralWidget(ui->pages);

    ui->traditionalChineseAction->setData(QStringLiteral("zh_HK"));
    ui->simplifiedChineseAction->setData(QStringLiteral("zh_CN"));
    ui->englishAction->setData(QStringLiteral("en"));
    for (QAction *action : {ui->traditionalChineseAction, ui->simplifiedChineseAction, ui->englishAction})
        m_languages->addAction(action);
    m_languages->setExclusive(true);
    connect(m_languages, &QActionGroup::triggered, this,
            [this](QAction *action) { chooseLanguage(action->data().toString()); });

    connect(ui->switchWorkspaceAction, &QAction::triggered, this, &MainWindow::switchWorkspaceRequested);
    connect(ui->signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(ui->connectAction, &QAction::triggered, this, &MainWindow::connectRequested);
    connect(ui->syncNowAction, &QAction::triggered, this, &MainWindow::syncNowRequested);
    connect(ui->conflictsAction, &QAction::triggered, this, &MainWindow::conflictsRequested);
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui->closeCaseAction, &QAction::triggered, this, [this] { closeTab(ui->pages->currentIndex()); });
    connect(ui->pages, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(ui->pages, &QTabWidget::currentChanged, this,
            [this] { ui->closeCaseAction->setEnabled(m_caseIds.contains(ui->pages->currentWidget())); });
    ui->closeCaseAction->setEnabled(false);

    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_roleLabel->setObjectName(QStringLiteral("roleLabel"));
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    for (QLabel *label : {m_userLabel, m_roleLabel, m_workspaceLabel}) {
        label->setContentsMargins(8, 0, 8, 0);
        if (label != m_userLabel) {
            auto *rule = new QFrame(this);
            rule->setFrameShape(QFrame::VLine);
            rule->setFrameShadow(QFrame::Sunken);
            statusBar()->addPermanentWidget(rule);
        }
        statusBar()->addPermanentWidget(label);
    }
    checkCurrentLanguage();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString &id, QWidget *page, const char *titleSourceText)
{
    PageEntry entry{id, page, titleSourceText, new QAction(this)};
    const int number = int(m_pages.size()) + 1;
    if (number <= 9)
        entry.viewAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(number)));
    connect(entry.viewAction, &QAction::triggered, this, [this, id] { showPage(id); });
    ui->viewMenu->addAction(entry.viewAction);
    ui->pages->insertTab(int(m_pages.size()), page, QString());
    ui->pages->tabBar()->setTabButton(int(m_pages.size()), QTabBar::RightSide, nullptr);
    ui->pages->tabBar()->setTabButton(int(m_pages.size()), QTabBar::LeftSide, nullptr);
    m_pages.append(entry);
    retranslate();
}

void MainWindow::setCasePageFactory(CasePageFactory factory)
{
    m_casePageFactory = std::move(factory);
}

QWidget *MainWindow::page(const QString &id) const
{
    for (const PageEntry &entry : m_pages) {
        if (entry.id == id)
            return entry.widget;
    }
    return nullptr;
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const PageEntry &entry : m_pages)
        ids.append(entry.id);
    return ids;
}

QWidget *MainWindow::currentPage() const
{
    return ui->pages->currentWidget();
}

QStringList MainWindow::openCases() const
{
    QStringList ids;
    for (int i = 0; i < ui->pages->count(); ++i) {
        if (m_caseIds.contains(ui->pages->widget(i)))
            ids.append(m_caseIds.value(ui->pages->widget(i)));
    }
    return ids;
}

void MainWindow::setSyncIndicator(QWidget *indicator)
{
    statusBar()->addWidget(indicator);
}

void MainWindow::showPage(const QString &id)
{
    if (QWidget *widget = page(id))
        ui->pages->setCurrentWidget(widget);
}

int MainWindow::indexOfCase(const QString &applicationId) const
{
    for (int i = 0; i < ui->pages->count(); ++i) {
        if (m_caseIds.value(ui->pages->widget(i)) == applicationId)
            return i;
    }
    return -1;
}

void MainWindow::openCase(const QString &applicationId)
{
    int index = indexOfCase(applicationId);
    if (index < 0) {
        if (!m_casePageFactory)
            return;
        QWidget *casePage = m_casePageFactory(applicationId);
        if (!casePage)
            return;
        m_caseIds.insert(casePage, applicationId);
        index = ui->pages->addTab(casePage, caseTitle(applicationId));
    }
    ui->pages->setCurrentIndex(index);
}

void MainWindow::closeCase(const QString &applicationId)
{
    closeTab(indexOfCase(applicationId));
}

void MainWindow::updateCase(QWidget *casePage, const QString &applicationId)
{
    const int index = ui->pages->indexOf(casePage);
    if (index < 0 || !m_caseIds.contains(casePage))
        return;
    m_caseIds.insert(casePage, applicationId);
    ui->pages->setTabText(index, caseTitle(applicationId));
}

// Only case tabs close; fixed pages stay for the whole session.
void MainWindow::closeTab(int index)
{
    QWidget *widget = ui->pages->widget(index);
    if (!widget || !m_caseIds.contains(widget))
        return;
    m_caseIds.remove(widget);
    ui->pages->removeTab(index);
    widget->deleteLater();
}

// The case's reference, or for a draft that has none yet, its title.
QString MainWindow::caseTitle(const QString &applicationId) const
{
    const auto application = ApplicationRepository(m_session.workspace()).find(applicationId);
    if (!application)
        return applicationId.isEmpty() ? tr("New application") : applicationId;
    if (!application->reference.isEmpty())
        return application->reference;
    const QString title = application->title.in(QLocale());
    return title.isEmpty() ? tr("Draft application") : title;
}

void MainWindow::chooseLanguage(const QString &code)
{
    if (code == Language::current())
        return;
    InterfaceLanguage::switchTo(code);
    emit languageChanged(code);
}

void MainWindow::checkCurrentLanguage()
{
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == Language::current());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        checkCurrentLanguage();
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

// What retranslateUi cannot know: page titles and the status bar.
void MainWindow::retranslate()
{
    for (int i = 0; i < m_pages.size(); ++i) {
        const PageEntry &entry = m_pages.at(i);
        const QString title = QCoreApplication::translate("vd::MainWindow", entry.titleSourceText);
        ui->pages->setTabText(ui->pages->indexOf(entry.widget), title);
        entry.viewAction->setText(title);
        entry.widget->setAccessibleName(title);
    }
    for (auto it = m_caseIds.cbegin(); it != m_caseIds.cend(); ++it)
        ui->pages->setTabText(ui->pages->indexOf(it.key()), caseTitle(it.value()));
    setWindowTitle(tr("VoucherDesk — %1").arg(m_session.displayName()));
    showStatus();
}

void MainWindow::showStatus()
{
    const QLocale locale;
    const User &user = m_session.user();
    m_userLabel->setText(tr("Signed in as %1 (%2)").arg(m_session.displayName(), user.username));
    m_roleLabel->setText(m_session.scheme().roles().nameOf(user.role, locale));
    m_workspaceLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_session.workspace().folder())));
    m_userLabel->setAccessibleName(tr("Signed-in person"));
    m_roleLabel->setAccessibleName(tr("Role"));
    m_workspaceLabel->setAccessibleName(tr("Workspace"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About VoucherDesk"),
                       tr("<p><b>VoucherDesk %1</b></p><p>Runs the %2: applications, screening, the assessment "
                          "committee, funding agreements and payments.</p>")
                           .arg(QCoreApplication::applicationVersion(),
                                m_session.scheme().name().in(QLocale()).toHtmlEscaped()));
}

} // namespace vd
