package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.matching.TradingPartners;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Partners' standing and carriers' operating cost per mile, read from their profiles in PartnersTable:
 * BatchGetItem by key, 100 partners per request, eventually consistent (a profile edited or a partner
 * suspended a second ago may still be read as before).
 */
public final class DynamoDbTradingPartners implements TradingPartners {
    private static final int KEYS_PER_BATCH = 100;
    private static final int MAX_ROUNDS = 8;

    private final DynamoDbClient dynamoDb;
    private final String partnersTableName;

    public DynamoDbTradingPartners(DynamoDbClient dynamoDb, String partnersTableName) {
        this.dynamoDb = dynamoDb;
        this.partnersTableName = partnersTableName;
    }

    @Override
    public Map<PartnerId, Money> costsPerMile(Set<PartnerId> carriers) {
        Map<PartnerId, Money> costs = new HashMap<>();
        for (Partner partner : activePartners(carriers)) {
            if (partner.profile().operatingCostPerMile() != null) {
                costs.put(partner.id(), partner.profile().operatingCostPerMile());
            }
        }
        return costs;
    }

    @Override
    public Set<PartnerId> activeAmong(Set<PartnerId> partners) {
        return activePartners(partners).stream().map(Partner::id).collect(Collectors.toSet());
    }

    private List<Partner> activePartners(Set<PartnerId> ids) {
        List<Partner> found = new ArrayList<>();
        List<PartnerId> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += KEYS_PER_BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(start, Math.min(all.size(), start + KEYS_PER_BATCH))
                    .stream().map(PartnerItems::partnerKey).toList();
            read(keys, found);
        }
        return found.stream().filter(partner -> partner.status() == PartnerStatus.ACTIVE).toList();
    }

    private void read(List<Map<String, AttributeValue>> keys, List<Partner> found) {
        Map<String, KeysAndAttributes> pending = Map.of(partnersTableName,
                KeysAndAttributes.builder().keys(keys).build());
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_ROUNDS) {
                throw new IllegalStateException("DynamoDB kept throttling the partner profile reads");
            }
            var batch = pending;
            var response = dynamoDb.batchGetItem(request -> request.requestItems(batch));
            for (var item : response.responses().getOrDefault(partnersTableName, List.of())) {
                found.add(PartnerItems.partnerFrom(item));
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!pending.isEmpty()) {
                Transactions.backOff(round);
            }
        }
    }
}
