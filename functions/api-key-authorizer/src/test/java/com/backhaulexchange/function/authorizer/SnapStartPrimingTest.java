package com.backhaulexchange.function.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TableContents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint reads a key nothing has, and writes nothing. */
class SnapStartPrimingTest {
    private final CredentialFixture credentials = new CredentialFixture();

    @Test
    void primingWritesNothing() throws Exception {
        credentials.registerPartner(PartnerRole.CARRIER);
        var authorizer = new ApiKeyAuthorizerHandler(new FunctionEnvironment(DynamoDbLocalServer.shared()
                .functionEnvironment(Map.of("PARTNERS_TABLE_NAME", credentials.tableName))), credentials.clock);
        var before = TableContents.of(credentials.dynamoDb, credentials.tableName);

        authorizer.priming().beforeCheckpoint(null);
        authorizer.priming().afterRestore(null);

        assertThat(TableContents.of(credentials.dynamoDb, credentials.tableName)).isEqualTo(before);
        assertThat(before.itemCount()).isPositive();
    }
}
