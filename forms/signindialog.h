#pragma once

#include "user.h"

#include <QDialog>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>

class QTreeWidgetItem;

namespace vd {

class Workspace;

namespace Ui {
class SignInDialog;
}

// Who is at the desk: the workspace's active people grouped by their role
// (named in the interface language), applicants with the enterprise they act
// for. Staff are all listed; applicants, who run to tens of thousands in a
// large workspace, are listed a page at a time as the search finds them.
// OK stays disabled until a person is chosen.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // Applicants listed at most at once.
    static constexpr int applicantsShown = 200;

    explicit SignInDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // The person chosen, once the dialog was accepted.
    std::optional<User> chosenUser() const;
    // Chooses the person with this user name, as a click would; false when there is none.
    bool choose(const QString &username);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillPeople();
    void nameGroups();
    void namePeople();
    void showApplicants(const QString &needle);
    void find(const QString &text);
    void updateOk();
    void chooseCurrent();
    bool matches(const User &user, const QString &needle) const;
    const User *userOf(const QTreeWidgetItem *item) const;

    std::unique_ptr<Ui::SignInDialog> ui;
    Workspace &m_workspace;
    QList<User> m_users;
    QList<int> m_applicants;                      // indexes into m_users
    QHash<QString, QTreeWidgetItem *> m_groups;   // by role id
    std::optional<User> m_chosen;
};

} // namespace vd
