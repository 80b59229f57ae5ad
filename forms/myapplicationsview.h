#pragma once

#include <QWidget>

#include <memory>

namespace Ui { class MyApplicationsView; }

namespace vd {

class DeskSession;
class MyApplicationsModel;

// The applicant's own applications: reference, project, status in the
// current language, dates and the next deadline. It asks for an editor with
// its signals; the main window decides where editors open.
class MyApplicationsView : public QWidget
{
    Q_OBJECT

public:
    explicit MyApplicationsView(DeskSession &session, QWidget *parent = nullptr);
    ~MyApplicationsView() override;

    MyApplicationsModel &model() const { return *m_model; }

public slots:
    void reload();

signals:
    // Open an editor on a new application.
    void newApplicationRequested();
    // Open an editor (read-only once submitted) on this application.
    void openApplicationRequested(const QString &applicationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void openCurrent();
    void updateButtons();

    DeskSession &m_session;
    std::unique_ptr<::Ui::MyApplicationsView> ui; // generated in the global Ui namespace
    MyApplicationsModel *m_model = nullptr;
};

} // namespace vd
