import DiscoveryCLI

DiscoveryMain.run()
