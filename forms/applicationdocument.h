#pragma once

#include "application.h"
#include "enterprise.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace vd {

class Scheme;

// An application as a printed document in both languages at once: every
// heading and label in English and in Traditional Chinese, every bilingual
// text in both, whatever language the interface is in. Money is written
// exactly, as HK$ with cents.
class ApplicationDocument
{
    Q_DECLARE_TR_FUNCTIONS(vd::ApplicationDocument)

public:
    ApplicationDocument(Application application, Enterprise applicant, const Scheme &scheme);

    QString html() const;
    // Throws DomainError PDF_NOT_WRITTEN naming the file.
    void writePdf(const QString &path) const;
    // Prints to a printer (or any paged device) already set up by the person.
    void print(QPagedPaintDevice &device) const;

private:
    QString applicantSection() const;
    QString projectSection() const;
    QString budgetSection() const;
    QString attachmentsSection() const;
    QString declarationsSection() const;

    Application m_application;
    Enterprise m_applicant;
    const Scheme &m_scheme;
};

} // namespace vd
