package io.switchboard.alerts.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
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
    static final String OFFERS = "/user/queue/offers";
    static final String INCIDENTS = "/user/queue/incidents";
    static final String BOARD = "/topic/board";
    /** Destinations whose subscribers the broker remembers: two per connected user, for 30,000 users. */
    static final int DESTINATIONS_CACHED = 60_000;
    /**
     * The largest WebSocket message a client may send, in characters (text) and bytes (binary). Clients only send
     * CONNECT, SUBSCRIBE, UNSUBSCRIBE and DISCONNECT frames of a few hundred bytes (a SEND is refused anyway), while
     * Tomcat keeps a buffer of this size per connection for as long as it is open. Spring's STOMP handler raises the
     * text limit of every session it starts to 16,640 characters (33 KB of heap per connection; Tomcat's binary
     * default is 8 KB more): {@link SmallInboundBuffers} lowers it again. A larger message closes the connection with
     * 1009 (message too big).
     */
    static final int MAX_INBOUND_TEXT = 2_048, MAX_INBOUND_BINARY = 1_024;

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
        registry.setUserDestinationPrefix("/user");
        // Each connected user has a destination per queue (two), and the broker looks up who subscribed to a
        // destination by scanning every subscription unless it has that destination cached. Spring's default of
        // 1,024 is fewer than the queues of 5,000 connected engineers: most live messages then scanned them all.
        registry.setCacheLimit(DESTINATIONS_CACHED);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registry) {
        registry.addDecoratorFactory(SmallInboundBuffers::new);
    }

    /** Sets each session's text limit after the STOMP handler has raised it for the session's first frame. */
    static final class SmallInboundBuffers extends WebSocketHandlerDecorator {
        SmallInboundBuffers(WebSocketHandler delegate) {
            super(delegate);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
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
                new SubscriptionReceipts(new LazyChannel(clientOutbound)));
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
