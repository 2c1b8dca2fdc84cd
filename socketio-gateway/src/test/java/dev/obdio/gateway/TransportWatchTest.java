package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransportWatchTest {
    private static final String SID = "0b0c5f0e-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    private final AtomicLong now = new AtomicLong();
    private final TransportWatch watch = new TransportWatch("/socket.io", true, true, 10_000_000_000L,
            new ClientRegistry(ClientLimits.DEFAULTS, Executors.newSingleThreadExecutor(), now::get), now::get);

    private static FullHttpRequest get(String query) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/socket.io/?" + query);
    }

    private EmbeddedChannel upgradingWebSocket() {
        EmbeddedChannel ws = new EmbeddedChannel(watch);
        ws.writeInbound(get("EIO=4&transport=websocket&sid=" + SID));
        assertThat((Object) ws.readInbound()).isInstanceOf(FullHttpRequest.class);
        ws.writeInbound(new TextWebSocketFrame("2probe"));
        assertThat(((TextWebSocketFrame) ws.readInbound()).text()).isEqualTo("2probe");
        return ws;
    }

    @Test
    void everyPollOfAnUpgradingSessionIsAnsweredWithANoop() {
        EmbeddedChannel ws = upgradingWebSocket();
        for (int i = 0; i < 3; i++) {
            EmbeddedChannel poll = new EmbeddedChannel(watch);
            poll.writeInbound(get("EIO=4&transport=polling&sid=" + SID));
            assertThat((Object) poll.readInbound()).as("not passed to the library").isNull();
            FullHttpResponse res = poll.readOutbound();
            assertThat(res.status().code()).isEqualTo(200);
            assertThat(res.content().toString(StandardCharsets.UTF_8)).isEqualTo("6");
            res.release();
        }
        ws.writeInbound(new TextWebSocketFrame("5"));
        ws.readInbound();
        EmbeddedChannel after = new EmbeddedChannel(watch);
        after.writeInbound(get("EIO=4&transport=polling&sid=" + SID));
        assertThat((Object) after.readInbound()).as("after the upgrade polls reach the library again").isNotNull();
        assertThat(watch.upgradesUnderWay()).isZero();
    }

    @Test
    void engineIo3PollsGetTheirOwnNoopFraming() {
        assertThat(TransportWatch.noop("3", false, null).content().array()).containsExactly(0, 1, 0xFF, '6');
        assertThat(TransportWatch.noop("3", true, null).content().toString(StandardCharsets.UTF_8)).isEqualTo("1:6");
        assertThat(TransportWatch.noop("4", false, "http://a.example").headers().get("Access-Control-Allow-Origin"))
                .isEqualTo("http://a.example");
    }

    @Test
    void aClosedWebSocketOrTheTimeoutEndsTheUpgradeState() {
        EmbeddedChannel ws = upgradingWebSocket();
        assertThat(watch.upgradesUnderWay()).isEqualTo(1);
        ws.close();
        assertThat(watch.upgradesUnderWay()).isZero();
        upgradingWebSocket();
        now.addAndGet(21_000_000_000L);
        watch.expireUpgrades();
        assertThat(watch.upgradesUnderWay()).isZero();
    }

    @Test
    void aBareConnectGetsAnEmptyPayloadWhenATokenIsRequired() {
        FullHttpRequest post = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/socket.io/?EIO=4&transport=polling&sid=" + SID,
                Unpooled.copiedBuffer("40\u001e42[\"x\"]\u001e40/admin,", StandardCharsets.UTF_8));
        FullHttpRequest rewritten = TransportWatch.withPayloadOnConnect(post);
        assertThat(rewritten.content().toString(StandardCharsets.UTF_8)).isEqualTo("40{}\u001e42[\"x\"]\u001e40/admin,");
        rewritten.release();
        EmbeddedChannel ws = new EmbeddedChannel(watch);
        ws.writeInbound(get("EIO=4&transport=websocket"));
        ws.readInbound();
        ws.writeInbound(new TextWebSocketFrame("40"));
        assertThat(((TextWebSocketFrame) ws.readInbound()).text()).isEqualTo("40{}");
        ws.writeInbound(new TextWebSocketFrame("40{\"token\":\"t\"}"));
        assertThat(((TextWebSocketFrame) ws.readInbound()).text()).isEqualTo("40{\"token\":\"t\"}");
    }
}
