package com.backhaulexchange.persistence.dynamodb;

import com.backhaulexchange.matching.CarrierCosts;
import com.backhaulexchange.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Carriers' operating cost per mile, read from their profiles in PartnersTable: BatchGetItem by key, 100
 * partners per request, eventually consistent (a profile edited a second ago may price with the old cost).
 */
public final class DynamoDbCarrierCosts implements CarrierCosts {
    private static final int KEYS_PER_BATCH = 100;
    private static final int MAX_ROUNDS = 8;

    private final DynamoDbClient dynamoDb;
    private final String partnersTableName;

    public DynamoDbCarrierCosts(DynamoDbClient dynamoDb, String partnersTableName) {
        this.dynamoDb = dynamoDb;
        this.partnersTableName = partnersTableName;
    }

    @Override
    public Map<PartnerId, Money> costsPerMile(Set<PartnerId> carriers) {
        Map<PartnerId, Money> costs = new HashMap<>();
        List<PartnerId> all = new ArrayList<>(carriers);
        for (int start = 0; start < all.size(); start += KEYS_PER_BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(start, Math.min(all.size(), start + KEYS_PER_BATCH))
                    .stream().map(PartnerItems::partnerKey).toList();
            read(keys, costs);
        }
        return costs;
    }

    private void read(List<Map<String, AttributeValue>> keys, Map<PartnerId, Money> costs) {
        Map<String, KeysAndAttributes> pending = Map.of(partnersTableName,
                KeysAndAttributes.builder().keys(keys).build());
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_ROUNDS) {
                throw new IllegalStateException("DynamoDB kept throttling the carrier profile reads");
            }
            var batch = pending;
            var response = dynamoDb.batchGetItem(request -> request.requestItems(batch));
            for (var item : response.responses().getOrDefault(partnersTableName, List.of())) {
                var partner = PartnerItems.partnerFrom(item);
                if (partner.profile().operatingCostPerMile() != null) {
                    costs.put(partner.id(), partner.profile().operatingCostPerMile());
                }
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!pending.isEmpty()) {
                Transactions.backOff(round);
            }
        }
    }
}
