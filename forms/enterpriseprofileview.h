#pragma once

#include "enterprise.h"

#include <QWidget>

#include <memory>

class QAbstractButton;

namespace Ui { class EnterpriseProfileView; }

namespace vd {

class DeskSession;

// The applicant's enterprise: names in both languages, business registration
// number, type, sector, address, contacts and owners. Save stays disabled
// until every field is valid; each problem is shown under its field. Saving
// writes the enterprise in one unit of work (one audited change).
class EnterpriseProfileView : public QWidget
{
    Q_OBJECT

public:
    // Shows the signed-in user's enterprise, or an empty profile to create
    // when the user has none yet.
    explicit EnterpriseProfileView(DeskSession &session, QWidget *parent = nullptr);
    ~EnterpriseProfileView() override;

    // The enterprise as the form holds it now (not necessarily saved).
    Enterprise enterprise() const;
    bool isValid() const;

public slots:
    // Writes the form to the store; false (with the reason shown) when it is
    // not valid or the store refuses it.
    bool save();
    // Puts back what the store has.
    void revert();

signals:
    void saved(const QString &enterpriseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillChoices();
    void fill(const Enterprise &enterprise);
    void validate();
    void addOwner();
    void showBanner(const QString &text, bool problem);

    DeskSession &m_session;
    std::unique_ptr<::Ui::EnterpriseProfileView> ui; // generated in the global Ui namespace
    Enterprise m_stored;
    bool m_filling = false;
};

} // namespace vd
