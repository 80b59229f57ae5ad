#include "syncprotocol.h"

#include "apierror.h"
#include "apihandler.h"

#include <Poco/Net/HTTPServerRequest.h>

#include <QJsonArray>
#include <QStringList>

namespace vd {

namespace {

struct ProtocolText
{
    Q_DECLARE_TR_FUNCTIONS(vd::SyncProtocol)
};

} // namespace

void requireSyncProtocol(const ApiCall &call)
{
    const QString sent = QString::fromStdString(call.request().get("VoucherDesk-Protocol", "")).trimmed();
    bool number = false;
    const int version = sent.toInt(&number);
    if (number && servedSyncProtocols().contains(version))
        return;
    QStringList served;
    QJsonArray servedJson;
    for (const int each : servedSyncProtocols()) {
        served << QString::number(each);
        servedJson.append(each);
    }
    throw ApiError(400, QStringLiteral("PROTOCOL_VERSION"),
                   call.inLanguage([&] {
                       return sent.isEmpty()
                           ? ProtocolText::tr("A sync request must name its protocol version in the VoucherDesk-Protocol "
                                              "header; this server serves %1.").arg(served.join(QStringLiteral(", ")))
                           : ProtocolText::tr("This server serves sync protocol %1, not \"%2\": update VoucherDesk "
                                              "or the back office so that they share a version.")
                                 .arg(served.join(QStringLiteral(", ")), sent.left(40));
                   }),
                   QStringLiteral("VoucherDesk-Protocol"))
        .with(QStringLiteral("protocols"), servedJson);
}

} // namespace vd
