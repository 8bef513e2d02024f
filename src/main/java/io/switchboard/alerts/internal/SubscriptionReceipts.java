package io.switchboard.alerts.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the broker has registered it (Spring's simple broker does not), so
 * a client knows from which moment on it cannot miss a message. On both channels the broker listens to: a topic's
 * SUBSCRIBE reaches it from the clients' inbound channel; a user queue's ({@code /user/queue/offers}) is ignored by it
 * there and registered only once the user destination handler, another task of that channel, has translated it to the
 * session's own queue and sent it on over the broker channel. Answering the first would tell the client too early:
 * messages sent at once were lost (a test's burst, now and then).
 */
class SubscriptionReceipts implements ExecutorChannelInterceptor {
    private final MessageChannel clientOutbound;
    private final String userDestinationPrefix;

    SubscriptionReceipts(MessageChannel clientOutbound, String userDestinationPrefix) {
        this.clientOutbound = clientOutbound;
        this.userDestinationPrefix = userDestinationPrefix;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        // every live message passes here too: only a look at one header before anything is copied
        if (ex != null || !(handler instanceof SimpleBrokerMessageHandler)
                || SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.SUBSCRIBE) {
            return;
        }
        var inbound = StompHeaderAccessor.wrap(message);
        if (inbound.getReceipt() == null || inbound.getDestination() == null
                || inbound.getDestination().startsWith(userDestinationPrefix)) {
            return;
        }
        var receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(inbound.getReceipt());
        receipt.setSessionId(inbound.getSessionId());
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
