#pragma once

#include <QDialog>
#include <QString>

#include <memory>
#include <optional>

namespace vd {

namespace Ui {
class BackOfficeDialog;
}

// Who signs in to which back office. The password lives only as long as the
// sign-in: it is never written anywhere.
struct BackOfficeAccount
{
    QString address;          // https://host:port, or http://127.0.0.1:port
    QString username;
    QString password;
    QString certificateFile;  // a PEM file of certificates to trust; empty: the system's
};

// Signing in to a back office: its address, the user name and password there,
// and, for a back office with a self-signed certificate, the certificate file
// to trust. Connect stays disabled until the fields make sense; what is wrong
// is said under them. Connect asks whoever listens to signInRequested() to
// sign in, and the dialog waits for showSignInResult(): it accepts on success,
// and on failure shows the back office's answer and stays open.
// The address, user name and certificate file (never the password) are
// remembered in QSettings for the next time.
class BackOfficeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BackOfficeDialog(QWidget *parent = nullptr);
    ~BackOfficeDialog() override;

    // Fills the fields (the password left as it is).
    void setAccount(const BackOfficeAccount &account);
    // What the fields say now.
    BackOfficeAccount account() const;
    // The first thing wrong with the fields, or the back office's answer to
    // the last attempt; empty when Connect can be pressed.
    QString problem() const;
    bool isSigningIn() const { return m_signingIn; }

    // What is wrong with an address, empty when nothing is: it must be
    // https://host[:port], or http:// to 127.0.0.1 only (a password never
    // crosses a network in the clear), as the sync client requires.
    static QString addressProblem(const QString &address);

    // The account last signed in to (no password), from QSettings.
    static BackOfficeAccount remembered();
    static void remember(const BackOfficeAccount &account);

public slots:
    // The outcome of the sign-in asked for: empty on success (the dialog
    // remembers the account and accepts), else what went wrong.
    void showSignInResult(const QString &problem);

signals:
    void signInRequested(const vd::BackOfficeAccount &account);

protected:
    void changeEvent(QEvent *event) override;

private:
    void connectChosen();
    void chooseCertificate();
    void edited();
    void showProblem();
    QString fieldProblem(bool onlyEdited) const;

    std::unique_ptr<Ui::BackOfficeDialog> ui;
    QString m_answer;          // the back office's answer to the last attempt
    bool m_signingIn = false;
};

} // namespace vd

Q_DECLARE_METATYPE(vd::BackOfficeAccount)
