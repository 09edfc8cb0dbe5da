package com.backhaulexchange.localstack.demo;

import com.backhaulexchange.localstack.demo.DemoCities.City;
import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Seeds a running stack with a realistic network through its own public API, as partners would: a few dozen
 * partners registered in US cities drawn by population, then their trucks (empty somewhere, going home
 * over the next days) and loads, half of them on the way of some truck, the rest between cities drawn by
 * population. Trucks are posted first, so that each load's matching finds them at once. Matching then runs
 * in the background, exactly as after any posting.
 */
public final class DemoSeeder {
    private static final DateTimeFormatter RFC_9557 = DateTimeFormatter.ISO_ZONED_DATE_TIME;
    private static final double CIRCUITY = 1.2;
    private static final double PLANNING_SPEED_MPH = 50;
    private static final List<String> FLEETS = List.of("DRY_VAN", "DRY_VAN", "DRY_VAN", "REEFER", "FLATBED");
    private static final List<String> COMMODITIES = List.of("Canned vegetables", "Paper towels", "Bottled water",
            "Auto parts", "Furniture", "Pet food", "Building insulation", "Frozen poultry", "Steel coils",
            "Consumer electronics", "Beverages", "Lumber");

    /** How big a network: {@code lanes} split evenly between trucks and loads. */
    public record Size(int partners, int lanes) {
        public static final Size DEFAULT = new Size(36, 300);

        public Size {
            if (partners < 4 || lanes < 4) {
                throw new IllegalArgumentException("a demo network needs at least 4 partners and 4 lanes");
            }
        }
    }

    /** What was seeded; {@code failures} lists any posting the API refused (none is expected). */
    public record Outcome(List<Partner> partners, List<Posted> trucks, List<Posted> loads,
            List<Posted> loadsOnTheWay, List<String> failures) {
    }

    /** A posted lane and the API key of its owner, who alone can read it. */
    public record Posted(String laneId, String ownerApiKey) {
    }

    /** A registered demo partner and the API key it was issued. */
    public record Partner(String partnerId, String apiKey, String legalName, boolean carrier, boolean shipper,
            City home, String equipment) {
    }

    private record Truck(String laneId, Partner carrier, City emptyAt, City home, ZonedDateTime availableFrom,
            ZonedDateTime mustArriveBy, String equipment) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final Random random;
    private final Clock clock;
    private final DemoCities cities = DemoCities.load();

    public DemoSeeder(URI baseUrl, Random random, Clock clock) {
        this.baseUrl = baseUrl;
        this.random = random;
        this.clock = clock;
    }

    public Outcome seed(Size size) {
        List<String> failures = new ArrayList<>();
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < size.partners(); i++) {
            // Two in five carriers, two in five shippers, one in five both (a 3PL with its own trucks).
            int kind = i % 5;
            partners.add(register(kind <= 1 || kind == 4, kind >= 2, i));
        }
        List<Partner> carriers = partners.stream().filter(Partner::carrier).toList();
        // Every carrier of the network can be booked: each files its authority and insurance (ADR 37).
        DemoApi api = new DemoApi(baseUrl, failures);
        carriers.forEach(carrier -> api.fileCompliance(carrier.apiKey(), carrier.legalName(), clock.instant()));
        List<Partner> shippers = partners.stream().filter(Partner::shipper).toList();
        int truckCount = size.lanes() / 2;
        List<Truck> trucks = new ArrayList<>();
        for (int i = 0; i < truckCount; i++) {
            postTruck(carriers.get(random.nextInt(carriers.size())), failures).ifPresent(trucks::add);
        }
        List<Posted> loads = new ArrayList<>();
        List<Posted> onTheWay = new ArrayList<>();
        for (int i = 0; i < size.lanes() - truckCount; i++) {
            Partner shipper = shippers.get(random.nextInt(shippers.size()));
            if (i % 2 == 0 && !trucks.isEmpty()) {
                postLoadOnTheWay(shipper, trucks.get(random.nextInt(trucks.size())), failures).ifPresent(id -> {
                    loads.add(new Posted(id, shipper.apiKey()));
                    onTheWay.add(new Posted(id, shipper.apiKey()));
                });
            } else {
                postLoadAnywhere(shipper, failures).ifPresent(id -> loads.add(new Posted(id, shipper.apiKey())));
            }
        }
        return new Outcome(List.copyOf(partners),
                trucks.stream().map(truck -> new Posted(truck.laneId(), truck.carrier().apiKey())).toList(),
                List.copyOf(loads), List.copyOf(onTheWay), List.copyOf(failures));
    }

    private Partner register(boolean carrier, boolean shipper, int index) {
        City home = cities.drawByPopulation(random);
        String equipment = FLEETS.get(random.nextInt(FLEETS.size()));
        String legalName = home.name() + (carrier && shipper ? " Logistics " : carrier ? " Freight Lines "
                : " Distribution ") + (char) ('A' + index % 26) + (index / 26 == 0 ? "" : Integer.toString(index / 26))
                + " LLC";
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("legalName", legalName);
        var roles = body.putArray("roles");
        if (carrier) {
            roles.add("CARRIER");
        }
        if (shipper) {
            roles.add("SHIPPER");
        }
        ObjectNode contact = body.putObject("contact");
        contact.put("name", "Dispatch desk");
        contact.put("email", "dispatch" + index + "@" + home.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
                + ".example");
        body.set("homeBase", point(home));
        if (carrier) {
            ObjectNode cost = body.putObject("operatingCostPerMile");
            cost.put("amountMinorUnits", 190 + random.nextInt(70));
            cost.put("currency", "USD");
            body.putArray("fleetEquipment").add(equipment);
        }
        JsonNode registered = send("POST", "/partners", null, body, 201, new ArrayList<>());
        if (registered == null) {
            throw new IllegalStateException("the demo partner " + legalName + " could not be registered");
        }
        return new Partner(registered.path("partner").path("partnerId").asText(),
                registered.path("apiKey").path("token").asText(), legalName, carrier, shipper, home, equipment);
    }

    /** A truck empty in a city drawn by population, 200 to 1,200 miles from home, going home over the next days. */
    private Optional<Truck> postTruck(Partner carrier, List<String> failures) {
        City home = carrier.home();
        City emptyAt = home;
        for (int attempt = 0; attempt < 50; attempt++) {
            emptyAt = cities.drawByPopulation(random);
            double miles = emptyAt.greatCircleMilesTo(home);
            if (miles >= 200 && miles <= 1_200) {
                break;
            }
        }
        ZonedDateTime availableFrom = LocalDate.now(clock).plusDays(1 + random.nextInt(2))
                .atTime(5 + random.nextInt(6), 0).atZone(emptyAt.zone());
        ZonedDateTime mustArriveBy = availableFrom.plus(hoursToDrive(emptyAt.greatCircleMilesTo(home) * CIRCUITY))
                .plusHours(24 + random.nextInt(24)).withZoneSameInstant(home.zone());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("emptyAt", point(emptyAt));
        body.set("mustEndAt", point(home));
        body.put("availableFrom", RFC_9557.format(availableFrom));
        body.put("mustArriveBy", RFC_9557.format(mustArriveBy));
        body.put("equipment", carrier.equipment());
        body.put("weightCapacityLbs", 44_000);
        body.put("palletCapacity", 26);
        body.put("maxOriginDeadheadMiles", 75 + 25 * random.nextInt(6));
        body.put("maxDestinationDeadheadMiles", 100 + 25 * random.nextInt(9));
        JsonNode posted = send("POST", "/lanes/capacity", carrier.apiKey(), body, 201, failures);
        return posted == null ? Optional.empty() : Optional.of(new Truck(
                posted.path("laneId").asText(), carrier, emptyAt, home, availableFrom, mustArriveBy,
                carrier.equipment()));
    }

    /** A load from where the truck becomes empty to near its home: made to be matched. */
    private Optional<String> postLoadOnTheWay(Partner shipper, Truck truck, List<String> failures) {
        City origin = cities.near(truck.emptyAt(), 25, random);
        City destination = cities.near(truck.home(), 60, random);
        ZonedDateTime pickupOpens = truck.availableFrom().plusHours(1).withZoneSameInstant(origin.zone());
        String equipment = "REEFER".equals(truck.equipment()) && random.nextBoolean() ? "DRY_VAN" : truck.equipment();
        return postLoad(shipper, origin, destination, pickupOpens, equipment, failures);
    }

    /** A load between two cities drawn by population, 150 to 1,000 miles apart. */
    private Optional<String> postLoadAnywhere(Partner shipper, List<String> failures) {
        City origin = cities.drawByPopulation(random);
        City destination = origin;
        for (int attempt = 0; attempt < 50; attempt++) {
            destination = cities.drawByPopulation(random);
            double miles = origin.greatCircleMilesTo(destination);
            if (miles >= 150 && miles <= 1_000) {
                break;
            }
        }
        ZonedDateTime pickupOpens = LocalDate.now(clock).plusDays(1 + random.nextInt(2))
                .atTime(6 + random.nextInt(8), 0).atZone(origin.zone());
        return postLoad(shipper, origin, destination, pickupOpens, FLEETS.get(random.nextInt(FLEETS.size())),
                failures);
    }

    private Optional<String> postLoad(Partner shipper, City origin, City destination,
            ZonedDateTime pickupOpens, String equipment, List<String> failures) {
        double loadedRoadMiles = origin.greatCircleMilesTo(destination) * CIRCUITY;
        ZonedDateTime pickupCloses = pickupOpens.plusHours(4 + random.nextInt(5));
        ZonedDateTime deliveryOpens = pickupOpens.plus(hoursToDrive(loadedRoadMiles)).withZoneSameInstant(
                destination.zone()).withMinute(0);
        ZonedDateTime deliveryCloses = deliveryOpens.plusHours(12 + random.nextInt(12));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("origin", point(origin));
        body.set("destination", point(destination));
        ObjectNode pickup = body.putObject("pickupWindow");
        pickup.put("opensAt", RFC_9557.format(pickupOpens));
        pickup.put("closesAt", RFC_9557.format(pickupCloses));
        ObjectNode delivery = body.putObject("deliveryWindow");
        delivery.put("opensAt", RFC_9557.format(deliveryOpens));
        delivery.put("closesAt", RFC_9557.format(deliveryCloses));
        body.put("weightLbs", 500 * (40 + random.nextInt(45)));
        body.put("pallets", 10 + random.nextInt(17));
        body.put("equipment", equipment);
        body.put("commodity", COMMODITIES.get(random.nextInt(COMMODITIES.size())));
        // What a dedicated truck would cost: USD 2.80 to 3.40 per loaded mile (the demo's own assumption; how spot rates are quoted: docs/reference/freight-conventions.md).
        ObjectNode budget = body.putObject("budget");
        budget.put("amountMinorUnits", Math.round(loadedRoadMiles * (280 + random.nextInt(61))));
        budget.put("currency", "USD");
        JsonNode posted = send("POST", "/lanes/loads", shipper.apiKey(), body, 201, failures);
        return posted == null ? Optional.empty() : Optional.of(posted.path("laneId").asText());
    }

    /** Driving at the planning speed with a 10-hour rest after each 11 hours, plus 2 hours at the stops. */
    private static Duration hoursToDrive(double roadMiles) {
        double driving = roadMiles / PLANNING_SPEED_MPH;
        double rests = Math.floor(driving / 11) * 10.5;
        return Duration.ofMinutes((long) Math.ceil((driving + rests + 2) * 60));
    }

    private static ObjectNode point(City city) {
        ObjectNode point = Json.MAPPER.createObjectNode();
        point.put("latitudeDegrees", city.latitudeDegrees());
        point.put("longitudeDegrees", city.longitudeDegrees());
        point.put("label", city.label());
        return point;
    }

    private JsonNode send(String method, String path, String apiKey, JsonNode body, int expectedStatus,
            List<String> failures) {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                failures.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
                return null;
            }
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            failures.add(method + " " + path + " -> " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }
}
