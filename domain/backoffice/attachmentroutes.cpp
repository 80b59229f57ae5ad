#include "attachmentroutes.h"

#include "apierror.h"
#include "apihandler.h"
#include "caseaccess.h"
#include "syncprotocol.h"
#include "workspace.h"

#include <Poco/Net/HTTPServerRequest.h>

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <memory>

namespace vd {

namespace {

struct AttachmentText
{
    Q_DECLARE_TR_FUNCTIONS(vd::AttachmentRoutes)
};

QJsonObject progressJson(const AttachmentIntake::Progress &progress)
{
    return {{QStringLiteral("received"), progress.received}, {QStringLiteral("complete"), progress.complete}};
}

QString digestIn(const ApiCall &call)
{
    const QString digest = call.parameters().value(0);
    if (!AttachmentFolder::isDigest(digest))
        throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                           return AttachmentText::tr("An attachment is named by its SHA-256: 64 lower-case hexadecimal "
                                                     "digits, not \"%1\".").arg(digest.left(80));
                       }),
                       QStringLiteral("path"));
    return digest;
}

// Those who add attachments: an applicant (to its own enterprise's
// applications) and the secretariat.
const User &uploader(ApiCall &call)
{
    const User &user = call.user();
    const bool applicant = user.role == QLatin1String("applicant") && !user.enterpriseId.isEmpty();
    if (!user.active || !(applicant || user.role == QLatin1String("secretariat")))
        throw ApiError(403, QStringLiteral("ROLE_NOT_PERMITTED"), call.inLanguage([&] {
                           return AttachmentText::tr("The role %1 does not add attachments, so it cannot upload them.")
                               .arg(user.role);
                       }),
                       QStringLiteral("role"));
    return user;
}

qint64 byteCount(const ApiCall &call, const QString &name)
{
    const QString text = call.queryValue(name);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || text.startsWith(u'+'))
        throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                           return text.isEmpty() ? AttachmentText::tr("expected a number of bytes (0 or more) in the query")
                                                 : AttachmentText::tr("expected a number of bytes (0 or more), not \"%1\"")
                                                       .arg(text.left(40));
                       }),
                       name);
    return value;
}

class UploadProgressRoute : public ApiHandler
{
public:
    UploadProgressRoute(BackOfficeContext &context, QStringList parameters)
        : ApiHandler(context, QStringLiteral("attachment_progress"), QStringLiteral("GET"), std::move(parameters)) {}
    Reply answer(ApiCall &call) override
    {
        requireSyncProtocol(call);
        uploader(call);
        return Reply::json(progressJson(call.context().attachments.progress(digestIn(call))));
    }
};

class UploadRoute : public ApiHandler
{
public:
    UploadRoute(BackOfficeContext &context, QStringList parameters)
        : ApiHandler(context, QStringLiteral("attachment_upload"), QStringLiteral("PUT"), std::move(parameters)) {}
    Reply answer(ApiCall &call) override
    {
        requireSyncProtocol(call);
        uploader(call);
        const QString digest = digestIn(call);
        const qint64 offset = byteCount(call, QStringLiteral("offset"));
        const qint64 size = byteCount(call, QStringLiteral("size"));
        // Read before any refusal below, so that the answer is not lost to a
        // connection reset over unread bytes.
        const QByteArray bytes = call.body(call.context().settings.attachmentChunkBytes);
        const qint64 limit = call.context().settings.attachmentBytes;
        if (size > limit)
            throw ApiError(413, QStringLiteral("ATTACHMENT_TOO_LARGE"), call.inLanguage([&] {
                               return AttachmentText::tr("The attachment has %1 bytes; this server takes attachments of "
                                                         "at most %2 bytes.").arg(size).arg(limit);
                           }),
                           QStringLiteral("size"));
        const AttachmentIntake::Progress progress = call.context().attachments.append(digest, offset, size, bytes);
        if (progress.refusal != AttachmentIntake::Refusal::None)
            refuse(call, progress, {digest, offset, size, bytes.size()});
        return Reply::json(progressJson(progress));
    }

private:
    struct Piece
    {
        QString digest;
        qint64 offset;
        qint64 size;
        qint64 bytes;
    };

    [[noreturn]] static void refuse(const ApiCall &call, const AttachmentIntake::Progress &progress, const Piece &piece)
    {
        switch (progress.refusal) {
        case AttachmentIntake::Refusal::OffsetMismatch:
            throw ApiError(409, QStringLiteral("OFFSET_MISMATCH"), call.inLanguage([&] {
                               return AttachmentText::tr("The server holds %1 bytes of this attachment, so the next "
                                                         "bytes start at offset %1, not %2.")
                                   .arg(progress.received).arg(piece.offset);
                           }),
                           QStringLiteral("offset"))
                .with(QStringLiteral("received"), progress.received)
                .with(QStringLiteral("complete"), false);
        case AttachmentIntake::Refusal::PastTheSize:
            throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                               return AttachmentText::tr("These %1 bytes at offset %2 go past the attachment's size of %3 "
                                                         "bytes.").arg(piece.bytes).arg(piece.offset).arg(piece.size);
                           }),
                           QStringLiteral("body"));
        case AttachmentIntake::Refusal::HashMismatch:
        case AttachmentIntake::Refusal::None:
            break;
        }
        throw ApiError(422, QStringLiteral("HASH_MISMATCH"), call.inLanguage([&] {
                           return AttachmentText::tr("The %1 bytes received do not have the SHA-256 %2, so they were "
                                                     "discarded. Send the attachment again from the start.")
                               .arg(piece.size).arg(piece.digest);
                       }),
                       QStringLiteral("body"))
            .with(QStringLiteral("received"), 0)
            .with(QStringLiteral("complete"), false);
    }
};

class AttachmentRoute : public ApiHandler
{
public:
    AttachmentRoute(BackOfficeContext &context, QStringList parameters)
        : ApiHandler(context, QStringLiteral("attachment"), QStringLiteral("GET"), std::move(parameters)) {}
    Reply answer(ApiCall &call) override
    {
        requireSyncProtocol(call);
        const User &user = call.user();
        const QString digest = digestIn(call);
        const AttachmentFolder &folder = call.context().attachments.folder();
        // Not referred to by a case in view, or not here: the same answer,
        // so that nobody learns which attachments exist by probing.
        auto file = std::make_shared<QFile>(folder.pathOf(digest));
        if (!CaseAccess(call.workspace()).seesAttachment(user, digest) || !file->open(QIODevice::ReadOnly))
            throw ApiError(404, QStringLiteral("ATTACHMENT_NOT_FOUND"), call.inLanguage([&] {
                               return AttachmentText::tr("There is no attachment %1 among the cases you can see.").arg(digest);
                           }),
                           QStringLiteral("path"));
        const qint64 size = file->size();
        Reply reply{200, {}, "application/octet-stream", {{"Accept-Ranges", "bytes"}}, file, size};
        const QString range = QString::fromStdString(call.request().get("Range", ""));
        if (range.isEmpty())
            return reply;
        static const QRegularExpression bytes(QStringLiteral("^bytes=(\\d{1,18})-(\\d{0,18})$"));
        const QRegularExpressionMatch match = bytes.match(range.trimmed());
        if (!match.hasMatch())
            throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                               return AttachmentText::tr("expected a range of bytes such as \"bytes=1024-\", not \"%1\"")
                                   .arg(range.left(80));
                           }),
                           QStringLiteral("Range"));
        const qint64 first = match.captured(1).toLongLong();
        const qint64 last = match.captured(2).isEmpty() ? size - 1 : std::min(match.captured(2).toLongLong(), size - 1);
        if (first >= size || last < first)
            throw ApiError(416, QStringLiteral("RANGE_NOT_SATISFIABLE"), call.inLanguage([&] {
                               return AttachmentText::tr("The attachment has %1 bytes; there are none from byte %2.")
                                   .arg(size).arg(first);
                           }),
                           QStringLiteral("Range"))
                .with(QStringLiteral("size"), size);
        file->seek(first);
        reply.status = 206;
        reply.fileLength = last - first + 1;
        reply.headers.emplace_back("Content-Range", QStringLiteral("bytes %1-%2/%3").arg(first).arg(last).arg(size).toStdString());
        return reply;
    }
};

} // namespace

Poco::Net::HTTPRequestHandler *attachmentRoute(BackOfficeContext &context, const QStringList &rest, const QString &method)
{
    if (rest.size() == 2 && rest[1] == QLatin1String("upload"))
        return new UploadProgressRoute(context, {rest[0]});
    if (rest.size() != 1)
        return nullptr;
    if (method == QLatin1String("PUT"))
        return new UploadRoute(context, {rest[0]});
    return new AttachmentRoute(context, {rest[0]});
}

} // namespace vd
