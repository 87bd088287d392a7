#include <gtest/gtest.h>

#include <stdexcept>

#include "server/gate/RequestHead.h"
#include "server/http/ClientAddress.h"
#include "server/http/TrustedProxies.h"

namespace dossier {
namespace {

TEST(TrustedProxiesCidr, MatchesIpv4AndIpv6NetworksAndBareAddresses) {
  TrustedProxies trusted = TrustedProxies::Parse(" 10.0.0.0/8, 192.0.2.7 ,2001:db8::/32,::1");
  EXPECT_TRUE(trusted.Contains("10.255.3.4"));
  EXPECT_FALSE(trusted.Contains("11.0.0.1"));
  EXPECT_TRUE(trusted.Contains("192.0.2.7"));
  EXPECT_FALSE(trusted.Contains("192.0.2.8"));
  EXPECT_TRUE(trusted.Contains("2001:db8:ffff::1"));
  EXPECT_FALSE(trusted.Contains("2001:db9::1"));
  EXPECT_TRUE(trusted.Contains("::1"));
  EXPECT_TRUE(trusted.Contains("::ffff:10.1.2.3"));  // a v4 peer seen on a v6 socket
  EXPECT_FALSE(trusted.Contains("not-an-address"));
  EXPECT_FALSE(trusted.Contains(""));
}

TEST(TrustedProxiesCidr, OddPrefixesCutInsideAByte) {
  TrustedProxies trusted = TrustedProxies::Parse("172.16.0.0/12,0.0.0.0/0");
  EXPECT_TRUE(TrustedProxies::Parse("172.16.0.0/12").Contains("172.31.255.255"));
  EXPECT_FALSE(TrustedProxies::Parse("172.16.0.0/12").Contains("172.32.0.0"));
  EXPECT_TRUE(trusted.Contains("8.8.8.8"));
  EXPECT_FALSE(trusted.Contains("::2"));  // /0 of IPv4 is not every IPv6 address
  EXPECT_TRUE(TrustedProxies::Parse("").empty());
}

TEST(TrustedProxiesCidr, AMalformedEntryIsNamed) {
  for (const char* bad : {"10.0.0.0/33", "10.0.0/8", "::1/129", "proxy.univ.fr", "10.0.0.0/",
                          "10.0.0.0/-1", "10.0.0.0/8x"}) {
    try {
      TrustedProxies::Parse(std::string("127.0.0.1,") + bad);
      ADD_FAILURE() << bad;
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find("'" + std::string(bad) + "'"), std::string::npos)
          << error.what();
    }
  }
}

TEST(ForwardedForWalk, AnUntrustedPeerIsTheClientWhateverItClaims) {
  TrustedProxies trusted = TrustedProxies::Parse("10.0.0.1");
  EXPECT_EQ(ClientAddressOf("203.0.113.9", "198.51.100.1", trusted), "203.0.113.9");
  EXPECT_EQ(ClientAddressOf("203.0.113.9", "198.51.100.1", TrustedProxies()), "203.0.113.9");
}

TEST(ForwardedForWalk, TakesTheRightMostAddressThatIsNotATrustedProxy) {
  TrustedProxies trusted = TrustedProxies::Parse("10.0.0.0/8");
  // The client lied "1.1.1.1"; the proxy appended what it saw.
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "1.1.1.1, 203.0.113.9", trusted), "203.0.113.9");
  // Two proxies: the inner one is skipped.
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "1.1.1.1, 203.0.113.9,10.0.0.2", trusted), "203.0.113.9");
  // Only proxies: the left-most one.
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "10.0.0.3, 10.0.0.2", trusted), "10.0.0.3");
  // No header: the proxy itself.
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "", trusted), "10.0.0.1");
  // Ports and brackets as some proxies write them; IPv6.
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "203.0.113.9:4711", trusted), "203.0.113.9");
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "[2001:db8::5]:443", trusted), "2001:db8::5");
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "2001:db8::5", trusted), "2001:db8::5");
}

TEST(ForwardedForWalk, GarbageStopsTheWalkAtTheLastGoodAddress) {
  TrustedProxies trusted = TrustedProxies::Parse("10.0.0.0/8");
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "unknown", trusted), "10.0.0.1");
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "203.0.113.9, <script>, 10.0.0.2", trusted), "10.0.0.2");
  EXPECT_EQ(ClientAddressOf("10.0.0.1", "203.0.113.9,", trusted), "10.0.0.1");
}

TEST(RequestHeadForwarding, KeepsEveryForwardedForLineAndTheRequestId) {
  RequestHead head = ReadRequestHead(
      "GET / HTTP/1.1\r\nX-Forwarded-For: 1.1.1.1\r\nx-forwarded-for: 2.2.2.2, 3.3.3.3\r\n"
      "X-Request-Id:  abc-1 \r\n\r\n");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head.forwarded_for, "1.1.1.1,2.2.2.2, 3.3.3.3");
  EXPECT_EQ(head.request_id, "abc-1");
}

}  // namespace
}  // namespace dossier
