package com.backhaulexchange.adapter.sqs;

import com.backhaulexchange.lane.MatchRequestSender;
import com.backhaulexchange.lane.PendingMatchRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends match requests to MatchRequestQueue, one message per lane. */
public final class SqsMatchRequestSender implements MatchRequestSender {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMatchRequestSender(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(PendingMatchRequest request) {
        try {
            sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(MatchRequestMessages.encode(request)));
        } catch (SdkException e) {
            throw new MatchRequestNotSentException("the match request of lane " + request.laneId()
                    + " was not sent: " + e.getMessage(), e);
        }
    }
}
