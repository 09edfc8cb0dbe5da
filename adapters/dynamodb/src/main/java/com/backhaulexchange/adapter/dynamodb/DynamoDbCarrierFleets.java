package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.lane.CarrierFleets;
import com.backhaulexchange.partner.PartnerId;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A carrier's fleet fuel economy from its profile in PartnersTable: one strongly consistent GetItem by key, so
 * that a lane posted right after the carrier set or removed its economy already follows it (ADR 47).
 */
public final class DynamoDbCarrierFleets implements CarrierFleets {
    private final DynamoDbClient dynamoDb;
    private final String partnersTableName;

    public DynamoDbCarrierFleets(DynamoDbClient dynamoDb, String partnersTableName) {
        this.dynamoDb = dynamoDb;
        this.partnersTableName = partnersTableName;
    }

    @Override
    public Optional<FleetFuelEconomy> fuelEconomyOf(PartnerId carrier) {
        var item = dynamoDb.getItem(request -> request.tableName(partnersTableName)
                .key(PartnerItems.partnerKey(carrier)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(PartnerItems.partnerFrom(item).profile().fleetFuelEconomy());
    }
}
