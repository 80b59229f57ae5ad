#pragma once

#include "bilingualtext.h"

#include <QString>

namespace vd {

// A person who signs in. The role is a scheme role id (applicant, secretariat,
// committee_member, committee_chair, approving_officer, finance, auditor, administrator).
struct User
{
    QString id;
    qint64 revision = 0;
    QString username;
    BilingualText displayName;
    QString role;
    QString enterpriseId;   // for applicants: the enterprise they act for
    QString email;
    bool active = true;
    friend bool operator==(const User &, const User &) = default;
};

} // namespace vd
