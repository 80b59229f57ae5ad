#include "backofficeapplication.h"

#include "backofficefolder.h"
#include "backofficeserver.h"
#include "backofficesettings.h"
#include "domainerror.h"
#include "requestlog.h"

#include <Poco/Exception.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <QJsonObject>

#include <iostream>

namespace vd {

namespace {

// Each flag and the configuration key it sets.
struct Flag
{
    const char *name;
    const char *argument; // nullptr: a switch
    const char *key;
    const char *help;
};

const Flag flags[] = {
    {"data", "DIR", "data", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "the data folder (workspace, tls/); made with demo data on first start")},
    {"database", "URL", "database", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "keep the workspace in PostgreSQL (postgresql://user@host:port/db) instead of DIR/workspace.sqlite")},
    {"port", "PORT", "server.port", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "the port to listen on (default 8443; 0 picks a free one)")},
    {"bind", "ADDRESS", "server.bind", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "the address to listen on (default 127.0.0.1)")},
    {"http", nullptr, "server.http", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "serve plain HTTP instead of HTTPS (loopback addresses only)")},
    {"cert", "FILE", "tls.certificate", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "the server certificate (PEM); default: one made in DIR/tls/")},
    {"key", "FILE", "tls.key", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "the certificate's private key (PEM)")},
    {"demo-applications", "N", "demo.applications", QT_TRANSLATE_NOOP("vd::BackOfficeApplication", "applications in the demo data made on first start (default 40)")},
};

} // namespace

void BackOfficeApplication::defineOptions(Poco::Util::OptionSet &options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", tr("show this help").toStdString()).required(false).repeatable(false));
    options.addOption(Poco::Util::Option("config", "c", tr("a configuration file (.properties, .ini, .json or .xml)").toStdString())
                          .required(false).repeatable(false).argument("FILE"));
    options.addOption(Poco::Util::Option("define", "D", tr("set any configuration key, e.g. -D limits.threads=32 (repeatable)").toStdString())
                          .required(false).repeatable(true).argument("KEY=VALUE"));
    for (const Flag &flag : flags) {
        Poco::Util::Option option(flag.name, "", QCoreApplication::translate("vd::BackOfficeApplication", flag.help).toStdString());
        option.required(false).repeatable(false);
        if (flag.argument)
            option.argument(flag.argument);
        options.addOption(option);
    }
}

void BackOfficeApplication::handleOption(const std::string &name, const std::string &value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help") {
        m_helpAsked = true;
        stopOptionsProcessing();
        return;
    }
    if (name == "config") {
        m_configFile = value;
        return;
    }
    if (name == "define") {
        const std::size_t equals = value.find('=');
        if (equals == std::string::npos || equals == 0)
            throw Poco::Util::InvalidArgumentException(
                tr("--define needs KEY=VALUE, not %1").arg(QString::fromStdString(value)).toStdString());
        config().setString(value.substr(0, equals), value.substr(equals + 1));
        return;
    }
    for (const Flag &flag : flags) {
        if (name == flag.name)
            config().setString(flag.key, flag.argument ? value : std::string("true"));
    }
}

void BackOfficeApplication::initialize(Poco::Util::Application &self)
{
    // Flags were written at the application's own (highest) priority; the
    // file goes below them.
    if (!m_configFile.empty())
        loadConfiguration(m_configFile, PRIO_DEFAULT);
    ServerApplication::initialize(self);
    Poco::Net::initializeSSL();
}

void BackOfficeApplication::uninitialize()
{
    ServerApplication::uninitialize();
    Poco::Net::uninitializeSSL();
}

void BackOfficeApplication::printHelp()
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("--data DIR [--config FILE] [OPTIONS]");
    help.setHeader(tr("The VoucherDesk back office: the shared, authoritative store, served over HTTPS.").toStdString());
    help.format(std::cout);
}

int BackOfficeApplication::main(const std::vector<std::string> &)
{
    if (m_helpAsked) {
        printHelp();
        return EXIT_OK;
    }
    RequestLog log;
    try {
        const BackOfficeSettings settings = BackOfficeSettings::from(config());
        BackOfficeFolder::prepare(settings, log);
        BackOfficeServer server(settings, log);
        server.start();
        waitForTerminationRequest();
        server.stop();
        return EXIT_OK;
    } catch (const DomainError &error) {
        log.event(QStringLiteral("refused"), error.fullMessage(), {{QStringLiteral("code"), error.code()}});
        std::cerr << error.fullMessage().toStdString() << '\n';
        return error.code() == QLatin1String("CONFIG_INVALID") ? EXIT_CONFIG : EXIT_SOFTWARE;
    } catch (const Poco::Exception &error) {
        log.event(QStringLiteral("failed"), QString::fromStdString(error.displayText()));
        std::cerr << error.displayText() << '\n';
        return EXIT_SOFTWARE;
    } catch (const std::exception &error) {
        log.event(QStringLiteral("failed"), QString::fromUtf8(error.what()));
        std::cerr << error.what() << '\n';
        return EXIT_SOFTWARE;
    }
}

} // namespace vd
