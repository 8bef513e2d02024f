package io.switchboard.alerts.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.messaging.access.intercept.AuthorizationChannelInterceptor;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.context.SecurityContextChannelInterceptor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP over /ws. The handshake is authenticated by the HTTP security chain (session or Basic); here
 * every inbound frame is authorized by destination and role. No CSRF token is asked in CONNECT: the
 * endpoint only accepts same-origin browsers, and scripts authenticate with Basic, which a foreign page
 * cannot forge.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {
    private static final String USER_PREFIX = "/user";
    static final String OFFERS = USER_PREFIX + "/queue/offers";
    static final String INCIDENTS = USER_PREFIX + "/queue/incidents";
    static final String BOARD = "/topic/board";
    /** Destinations whose subscribers the broker remembers: two per connected user, for 30,000 users. */
    static final int DESTINATIONS_CACHED = 60_000;
    /**
     * The largest WebSocket message a client may send, in characters (text) and bytes (binary). Clients only send
     * CONNECT, SUBSCRIBE, UNSUBSCRIBE and DISCONNECT frames of a few hundred bytes (a SEND is refused anyway), while
     * Tomcat keeps a buffer of this size per connection for as long as it is open. Spring's STOMP handler raises the
     * text limit of every session it starts to 16,640 characters (33 KB of heap per connection; Tomcat's binary
     * default is 8 KB more): {@link SessionLimits} lowers it again. A larger message closes the connection with
     * 1009 (message too big).
     */
    static final int MAX_INBOUND_TEXT = 2_048, MAX_INBOUND_BINARY = 1_024;
    /** How long a frame waits for a client that does not read before its session fails and is closed. */
    static final Duration STALLED_CLIENT = Duration.ofSeconds(2);
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        var heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("stomp-heartbeat-");
        heartbeats.initialize();
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeats);
        // The outbound channel's thread pool would otherwise deliver two messages to one session in either order: an
        // OFFER_WITHDRAWN before its OFFER leaves the offer ringing on the engineer's screen.
        registry.setPreservePublishOrder(true);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix(USER_PREFIX);
        // a user queue's subscription is registered here, after its translation (see SubscriptionReceipts)
        registry.configureBrokerChannel().interceptors(receipts());
        // Each connected user has a destination per queue (two), and the broker looks up who subscribed to a
        // destination by scanning every subscription unless it has that destination cached. Spring's default of
        // 1,024 is fewer than the queues of 5,000 connected engineers: most live messages then scanned them all.
        registry.setCacheLimit(DESTINATIONS_CACHED);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registry) {
        registry.addDecoratorFactory(SessionLimits::new);
    }

    /**
     * Sets each session's text limit after the STOMP handler has raised it for the session's first frame, and how long
     * one frame may wait for a client that stopped reading: frames are written by the thread that sends them (see
     * {@link #configureClientOutboundChannel}), so that bounds how long a request can be held up by such a client.
     * Tomcat's default is 20 s. A client that reads keeps the socket's buffer from filling for far longer than that.
     */
    static final class SessionLimits extends WebSocketHandlerDecorator {
        SessionLimits(WebSocketHandler delegate) {
            super(delegate);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            if (session instanceof NativeWebSocketSession standard
                    && standard.getNativeSession(jakarta.websocket.Session.class) instanceof jakarta.websocket.Session tomcat) {
                tomcat.getUserProperties().put(BLOCKING_SEND_TIMEOUT, STALLED_CLIENT.toMillis());
            }
            super.afterConnectionEstablished(session);
            session.setTextMessageSizeLimit(MAX_INBOUND_TEXT);
        }
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_INBOUND_TEXT);
        container.setMaxBinaryMessageBufferSize(MAX_INBOUND_BINARY);
        return container;
    }

    private final ObjectProvider<MessageChannel> clientOutbound;

    WebSocketConfiguration(@Qualifier("clientOutboundChannel") @Lazy ObjectProvider<MessageChannel> clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new SecurityContextChannelInterceptor(),
                new AuthorizationChannelInterceptor(messageAuthorization()),
                receipts());
    }

    /**
     * Frames are written by the thread that sends them (for an offer: the request that committed it, before it
     * answers). Spring Boot gives the channel the application's executor, a new virtual thread per frame; under load
     * that thread queued behind every runnable request for a core, so an offer reached its engineer hundreds of
     * milliseconds after the opening had been answered. A client that stops reading holds up little: each session's
     * frames go through a buffer, written by one sender at a time while the others return, and the one writing waits
     * at most {@link #STALLED_CLIENT} for such a client.
     */
    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.executor(new SyncTaskExecutor());
    }

    private SubscriptionReceipts receipts() {
        return new SubscriptionReceipts(new LazyChannel(clientOutbound), USER_PREFIX + "/");
    }

    /** The outbound channel is created after the inbound one is configured; look it up on first use. */
    private record LazyChannel(ObjectProvider<MessageChannel> channel) implements MessageChannel {
        @Override
        public boolean send(org.springframework.messaging.Message<?> message, long timeout) {
            return channel.getObject().send(message, timeout);
        }
    }

    @Bean
    AuthorizationManager<Message<?>> messageAuthorization() {
        return MessageMatcherDelegatingAuthorizationManager.builder()
                .simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.DISCONNECT, SimpMessageType.HEARTBEAT,
                        SimpMessageType.UNSUBSCRIBE).authenticated()
                .simpSubscribeDestMatchers(OFFERS).hasRole("ENGINEER")
                .simpSubscribeDestMatchers(INCIDENTS).authenticated()
                .simpSubscribeDestMatchers(BOARD).hasAnyRole("DISPATCHER", "ADMIN")
                .anyMessage().denyAll()
                .build();
    }
}
