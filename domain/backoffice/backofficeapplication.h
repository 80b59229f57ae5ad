#pragma once

#include <Poco/Util/ServerApplication.h>

#include <QCoreApplication>
#include <QString>

namespace vd {

// voucherdesk-backoffice as a Poco ServerApplication: options are defined
// here and written into the layered configuration (flags over the --config
// file over the defaults of BackOfficeSettings), which initialize() loads;
// main() prepares the data folder, serves until SIGINT/SIGTERM, then stops.
// Exit statuses: 0 done, 78 bad options or configuration, 70 failure.
class BackOfficeApplication : public Poco::Util::ServerApplication
{
    Q_DECLARE_TR_FUNCTIONS(vd::BackOfficeApplication)

protected:
    void initialize(Poco::Util::Application &self) override;
    void uninitialize() override;
    void defineOptions(Poco::Util::OptionSet &options) override;
    void handleOption(const std::string &name, const std::string &value) override;
    int main(const std::vector<std::string> &arguments) override;

private:
    void printHelp();

    bool m_helpAsked = false;
    std::string m_configFile;
};

} // namespace vd
