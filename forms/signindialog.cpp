#include "signindialog.h"
#include "ui_signindialog.h"

#include "enterpriserepository.h"
#include "scheme.h"
#include "userrepository.h"

#include <QEvent>
#include <QPushButton>

namespace vd {

namespace {

constexpr int UserIndexRole = Qt::UserRole;
constexpr int EnterpriseNamedRole = Qt::UserRole + 1;

enum Column { PersonColumn, UsernameColumn, EnterpriseColumn, ColumnCount };

} // namespace

SignInDialog::SignInDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::SignInDialog>()), m_workspace(workspace)
{
    ui->setupUi(this);
    fillPeople();
    connect(ui->people, &QTreeWidget::currentItemChanged, this, &SignInDialog::updateOk);
    connect(ui->people, &QTreeWidget::itemExpanded, this, &SignInDialog::nameEnterprises);
    connect(ui->people, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (userOf(item))
            accept();
    });
    connect(ui->findEdit, &QLineEdit::textChanged, this, &SignInDialog::find);
    connect(ui->buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const User *user = userOf(ui->people->currentItem())) {
            m_chosen = *user;
            accept();
        }
    });
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

SignInDialog::~SignInDialog() = default;

std::optional<User> SignInDialog::chosenUser() const
{
    return result() == QDialog::Accepted ? m_chosen : std::nullopt;
}

bool SignInDialog::choose(const QString &username)
{
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        for (int i = 0; i < group->childCount(); ++i) {
            const User *user = userOf(group->child(i));
            if (user && user->username == username) {
                ui->people->setCurrentItem(group->child(i));
                return true;
            }
        }
    }
    return false;
}

// Active people only, each under their role's heading in scheme order.
void SignInDialog::fillPeople()
{
    const Scheme &scheme = Scheme::technologyVoucher();
    const QList<User> everyone = UserRepository(m_workspace).all();
    for (const User &user : everyone) {
        if (user.active)
            m_users.append(user);
    }
    QStringList roles = scheme.roles().ids();
    for (const User &user : std::as_const(m_users)) {
        if (!roles.contains(user.role))
            roles.append(user.role);
    }
    for (const QString &role : std::as_const(roles)) {
        auto *group = new QTreeWidgetItem(ui->people);
        group->setData(PersonColumn, Qt::UserRole, role);
        group->setFlags(Qt::ItemIsEnabled);
        m_groups.insert(role, group);
    }
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        const User &user = m_users.at(i);
        auto *item = new QTreeWidgetItem(m_groups.value(user.role));
        item->setData(PersonColumn, UserIndexRole, int(i));
        item->setText(UsernameColumn, user.username);
    }
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        group->setHidden(group->childCount() == 0);
        // Staff are few; the applicants of a large workspace are many and wait for a search.
        if (group->data(PersonColumn, Qt::UserRole).toString() != QLatin1String("applicant"))
            group->setExpanded(true);
    }
    nameRoles();
    ui->people->setColumnWidth(PersonColumn, 220);
    ui->people->setColumnWidth(UsernameColumn, 200);
}

// Role headings and names in the interface language.
void SignInDialog::nameRoles()
{
    const QLocale locale;
    const Scheme &scheme = Scheme::technologyVoucher();
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        const QString role = group->data(PersonColumn, Qt::UserRole).toString();
        group->setText(PersonColumn, tr("%1 (%n)", nullptr, group->childCount())
                                         .arg(scheme.roles().nameOf(role, locale)));
        group->setFirstColumnSpanned(true);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            item->setText(PersonColumn, userOf(item)->displayName.in(locale));
            item->setData(PersonColumn, EnterpriseNamedRole, false);
        }
        if (group->isExpanded())
            nameEnterprises(group);
    }
}

// Enterprise names are read when a group is first shown: a large workspace
// has an applicant for every enterprise.
void SignInDialog::nameEnterprises(QTreeWidgetItem *group)
{
    const EnterpriseRepository enterprises(m_workspace);
    const QLocale locale;
    for (int i = 0; i < group->childCount(); ++i) {
        QTreeWidgetItem *item = group->child(i);
        const User *user = userOf(item);
        if (!user || user->enterpriseId.isEmpty() || item->data(PersonColumn, EnterpriseNamedRole).toBool())
            continue;
        if (const auto enterprise = enterprises.find(user->enterpriseId))
            item->setText(EnterpriseColumn, enterprise->name.in(locale));
        item->setData(PersonColumn, EnterpriseNamedRole, true);
    }
}

// Shows the people whose name, user name or enterprise contains the text.
void SignInDialog::find(const QString &text)
{
    const QString needle = text.trimmed();
    for (QTreeWidgetItem *group : std::as_const(m_groups)) {
        if (!needle.isEmpty())
            nameEnterprises(group);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const User *user = userOf(item);
            const bool match = needle.isEmpty() || user->displayName.en.contains(needle, Qt::CaseInsensitive)
                || user->displayName.zh.contains(needle) || user->username.contains(needle, Qt::CaseInsensitive)
                || item->text(EnterpriseColumn).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
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
    if (!item || !item->parent())
        return nullptr;
    const QVariant index = item->data(PersonColumn, UserIndexRole);
    return index.isValid() ? &m_users.at(index.toInt()) : nullptr;
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        nameRoles();
    }
    QDialog::changeEvent(event);
}

} // namespace vd
