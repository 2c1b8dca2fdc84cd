package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsAndHostPolicyTest {

    @Test
    void sameOriginOnlyByDefault() {
        CorsPolicy p = CorsPolicy.SAME_ORIGIN;
        assertThat(p.allows(null, "127.0.0.1:48484")).as("no Origin: not a browser's cross-origin request").isTrue();
        assertThat(p.allows("http://127.0.0.1:48484", "127.0.0.1:48484")).isTrue();
        assertThat(p.allows("http://LOCALHOST:48484/", "localhost:48484")).isTrue();
        assertThat(p.allows("http://example.com", "example.com:80")).isTrue();
        assertThat(p.allows("http://evil.example", "127.0.0.1:48484")).isFalse();
        assertThat(p.allows("http://127.0.0.1:9999", "127.0.0.1:48484")).isFalse();
        assertThat(p.allows("https://127.0.0.1:48484", "127.0.0.1:48484")).isTrue();
        assertThat(p.allows("null", "127.0.0.1:48484")).isFalse();
        assertThat(p.allows("garbage", "127.0.0.1:48484")).isFalse();
    }

    @Test
    void listedOriginsAndEveryOrigin() {
        CorsPolicy p = CorsPolicy.of(List.of("http://192.168.4.1:8080", "https://dash.example/"));
        assertThat(p.allows("http://192.168.4.1:8080", "127.0.0.1:48484")).isTrue();
        assertThat(p.allows("https://dash.example", "127.0.0.1:48484")).isTrue();
        assertThat(p.allows("https://dash.example:443", "127.0.0.1:48484")).isTrue();
        assertThat(p.allows("http://dash.example", "127.0.0.1:48484")).isFalse();
        assertThat(CorsPolicy.of(List.of("*")).allows("http://anything", "x")).isTrue();
        assertThat(CorsPolicy.of(List.of())).isEqualTo(CorsPolicy.SAME_ORIGIN);
        assertThatThrownBy(() -> CorsPolicy.of(List.of("dash.example"))).hasMessageContaining("not an origin");
        assertThatThrownBy(() -> CorsPolicy.of(List.of("http://x/path"))).hasMessageContaining("not an origin");
        assertThatThrownBy(() -> CorsPolicy.of(List.of("*", "http://x"))).hasMessageContaining("cannot be combined");
    }

    @Test
    void aLoopbackServerAnswersLoopbackNamesOnly() {
        HostPolicy loopback = HostPolicy.forBindAddress("127.0.0.1");
        assertThat(loopback.allows("127.0.0.1:48484")).isTrue();
        assertThat(loopback.allows("localhost:48484")).isTrue();
        assertThat(loopback.allows("[::1]:48484")).isTrue();
        assertThat(loopback.allows("127.0.0.2")).isTrue();
        assertThat(loopback.allows("rebind.attacker.example:48484")).isFalse();
        assertThat(loopback.allows("127.0.0.1.attacker.example")).isFalse();
        HostPolicy lan = HostPolicy.forBindAddress("0.0.0.0");
        assertThat(lan.allows("raspberrypi.local:48484")).isTrue();
    }
}
