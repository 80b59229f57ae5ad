#include "myapplicationsview.h"
#include "ui_myapplicationsview.h"

#include "desksession.h"
#include "myapplicationsmodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace vd {

MyApplicationsView::MyApplicationsView(DeskSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), ui(std::make_unique<Ui::MyApplicationsView>())
{
    ui->setupUi(this);
    m_model = new MyApplicationsModel(session, this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_model);
    sorted->setSortRole(MyApplicationsModel::SortRole);
    sorted->setSortLocaleAware(true);
    ui->applications->setModel(sorted);
    ui->applications->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->applications->horizontalHeader()->setSectionResizeMode(MyApplicationsModel::Title, QHeaderView::Stretch);
    ui->applications->verticalHeader()->hide();
    ui->applications->sortByColumn(MyApplicationsModel::Updated, Qt::DescendingOrder);

    connect(ui->newApplication, &QPushButton::clicked, this, &MyApplicationsView::newApplicationRequested);
    connect(ui->openApplication, &QPushButton::clicked, this, &MyApplicationsView::openCurrent);
    connect(ui->applications, &QTableView::activated, this, &MyApplicationsView::openCurrent);
    connect(ui->refresh, &QPushButton::clicked, this, &MyApplicationsView::reload);
    connect(ui->applications->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MyApplicationsView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MyApplicationsView::updateButtons);
    // Any window that changes one of our cases (the editor saving, a transition) keeps this list current.
    connect(&session, &DeskSession::caseChanged, this, &MyApplicationsView::reload);
    ui->newApplication->setEnabled(!session.user().enterpriseId.isEmpty());
    updateButtons();
}

MyApplicationsView::~MyApplicationsView() = default;

void MyApplicationsView::reload()
{
    m_model->reload();
}

void MyApplicationsView::updateButtons()
{
    ui->openApplication->setEnabled(ui->applications->currentIndex().isValid());
}

void MyApplicationsView::openCurrent()
{
    const QModelIndex current = ui->applications->currentIndex();
    if (current.isValid())
        emit openApplicationRequested(current.data(MyApplicationsModel::ApplicationIdRole).toString());
}

void MyApplicationsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace vd
