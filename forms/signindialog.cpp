#include "signindialog.h"
#include "ui_signindialog.h"

#include "enterpriserepository.h"
#include "scheme.h"
#include "userrepository.h"

#include <QEvent>
#include <QPushButton>

namespace vd {

namespace {

constexpr int UserIndexRole = Qt::UserRole;      // of a person: index into m_users
constexpr int RoleIdRole = Qt::UserRole + 1;     // of a role's heading
const QString applicantRole = QStringLiteral("applicant");

enum Column { PersonColumn, UsernameColumn, EnterpriseColumn };

} // namespace

SignInDialog::SignInDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::SignInDialog>()), m_workspace(workspace)
{
    ui->setupUi(this);
    fillPeople();
    connect(ui->people, &QTreeWidget::currentItemChanged, this, &SignInDialog::updateOk);
    connect(ui->people, &QTreeWidget::itemActivated, this, &SignInDialog::chooseCurrent);
    connect(ui->findEdit, &QLineEdit::textChanged, this, &SignInDialog::find);
    connect(ui->buttons, &QDialogButtonBox::accepted, this, &SignInDialog::chooseCurrent);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

SignInDialog::~SignInDialog() = default;

std::optional<User> SignInDialog::chosenUser() const
{
    return result() == QDialog::Accepted ? m_chosen : std::nullopt;
}

void SignInDialog::chooseCurrent()
{
    if (const User *user = userOf(ui->people->currentItem())) {
        m_chosen = *user;
        accept();
    }
}

bool SignInDialog::choose(const QString &username)
{
    const auto person = std::find_if(m_users.cbegin(), m_users.cend(),
                                     [&](const User &user) { return user.username == username; });
    if (person == m_users.cend())
        return false;
    QTreeWidgetItem *group = m_groups.value(person->role);
    if (person->role == applicantRole)
        showApplicants(username);
    for (int i = 0; i < group->childCount(); ++i) {
        if (userOf(group->child(i)) == &*person) {
            group->child(i)->setHidden(false);
            ui->people->setCurrentItem(group->child(i));
            return true;
        }
    }
    return false;
}

// Active people only, each under their role's heading in scheme order.
void SignInDialog::fillPeople()
{
    for (const User &user : UserRepository(m_workspace).all()) {
        if (user.active)
            m_users.append(user);
    }
    QStringList roles = Scheme::technologyVoucher().roles().ids();
    for (const User &user : std::as_const(m_users)) {
        if (!roles.contains(user.role))
            roles.append(user.role);
    }
    for (const QString &role : std::as_const(roles)) {
        auto *group = new QTreeWidgetItem(ui->people);
        group->setData(PersonColumn, RoleIdRole, role);
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        m_groups.insert(role, group);
    }
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        const User &user = m_users.at(i);
        if (user.role == applicantRole) {
            m_applicants.append(int(i));
            continue;
        }
        auto *item = new QTreeWidgetItem(m_groups.value(user.role));
        item->setData(PersonColumn, UserIndexRole, int(i));
        item->setText(UsernameColumn, user.username);
    }
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        const bool applicants = group->data(PersonColumn, RoleIdRole).toString() == applicantRole;
        group->setHidden(applicants ? m_applicants.isEmpty() : group->childCount() == 0);
        group->setExpanded(!applicants);
    }
    nameGroups();
    namePeople();
    ui->people->setColumnWidth(PersonColumn, 220);
    ui->people->setColumnWidth(UsernameColumn, 200);
}

// Role headings, with how many people each has, in the interface language.
void SignInDialog::nameGroups()
{
    const QLocale locale;
    const Scheme &scheme = Scheme::technologyVoucher();
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        const QString role = group->data(PersonColumn, RoleIdRole).toString();
        const int people = role == applicantRole ? int(m_applicants.size()) : group->childCount();
        group->setText(PersonColumn, tr("%1 (%2)").arg(scheme.roles().nameOf(role, locale), locale.toString(people)));
    }
}

// Staff names in the interface language; applicants listed again.
void SignInDialog::namePeople()
{
    const QLocale locale;
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        for (int i = 0; i < group->childCount(); ++i) {
            if (const User *user = userOf(group->child(i)))
                group->child(i)->setText(PersonColumn, user->displayName.in(locale));
        }
    }
    const User *current = userOf(ui->people->currentItem());
    showApplicants(ui->findEdit->text().trimmed());
    if (current && current->role == applicantRole)
        choose(current->username);
}

// The first applicants the search finds, with their enterprises; a last
// line says when there are more than are listed.
void SignInDialog::showApplicants(const QString &needle)
{
    QTreeWidgetItem *group = m_groups.value(applicantRole);
    if (!group)
        return;
    qDeleteAll(group->takeChildren());
    const EnterpriseRepository enterprises(m_workspace);
    const QLocale locale;
    QList<QTreeWidgetItem *> listed;
    int found = 0;
    for (int index : std::as_const(m_applicants)) {
        const User &user = m_users.at(index);
        if (!matches(user, needle) || ++found > applicantsShown)
            continue;
        auto *item = new QTreeWidgetItem;
        item->setData(PersonColumn, UserIndexRole, index);
        item->setText(PersonColumn, user.displayName.in(locale));
        item->setText(UsernameColumn, user.username);
        if (const auto enterprise = enterprises.find(user.enterpriseId))
            item->setText(EnterpriseColumn, enterprise->name.in(locale));
        listed.append(item);
    }
    if (found > applicantsShown) {
        auto *more = new QTreeWidgetItem;
        more->setFlags(Qt::NoItemFlags);
        more->setText(PersonColumn, tr("%1 more; type part of a name to find them")
                                        .arg(locale.toString(found - applicantsShown)));
        more->setFirstColumnSpanned(true);
        listed.append(more);
    }
    group->addChildren(listed);
    group->setHidden(found == 0);
}

bool SignInDialog::matches(const User &user, const QString &needle) const
{
    return needle.isEmpty() || user.displayName.en.contains(needle, Qt::CaseInsensitive)
        || user.displayName.zh.contains(needle) || user.username.contains(needle, Qt::CaseInsensitive);
}

// Shows the people whose name or user name contains the text.
void SignInDialog::find(const QString &text)
{
    const QString needle = text.trimmed();
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        if (group->data(PersonColumn, RoleIdRole).toString() == applicantRole) {
            showApplicants(needle);
        } else {
            int shown = 0;
            for (int i = 0; i < group->childCount(); ++i) {
                const bool match = matches(*userOf(group->child(i)), needle);
                group->child(i)->setHidden(!match);
                shown += match ? 1 : 0;
            }
            group->setHidden(shown == 0);
        }
        if (!needle.isEmpty())
            group->setExpanded(true);
    }
    updateOk();
}

void SignInDialog::updateOk()
{
    const QTreeWidgetItem *current = ui->people->currentItem();
    ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(userOf(current) && !current->isHidden());
}

const User *SignInDialog::userOf(const QTreeWidgetItem *item) const
{
    const QVariant index = item ? item->data(PersonColumn, UserIndexRole) : QVariant();
    return index.isValid() ? &m_users.at(index.toInt()) : nullptr;
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        nameGroups();
        namePeople();
    }
    QDialog::changeEvent(event);
}

} // namespace vd
