package io.switchboard.alerts.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the broker has registered it (Spring's simple broker
 * does not), so a client knows from which moment on it cannot miss a message.
 */
class SubscriptionReceipts implements ExecutorChannelInterceptor {
    private final MessageChannel clientOutbound;

    SubscriptionReceipts(MessageChannel clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        var inbound = StompHeaderAccessor.wrap(message);
        if (ex != null || inbound.getCommand() != StompCommand.SUBSCRIBE || inbound.getReceipt() == null
                || !handler.getClass().getSimpleName().equals("SimpleBrokerMessageHandler")) {
            return;
        }
        var receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(inbound.getReceipt());
        receipt.setSessionId(inbound.getSessionId());
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
