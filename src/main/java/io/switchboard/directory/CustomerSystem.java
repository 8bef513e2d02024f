package io.switchboard.directory;

import io.switchboard.persistence.AssignedId;

import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One customized installation at a customer's site. */
@Entity
@Table(name = "customer_system")
class CustomerSystem extends AssignedId {
    @Id
    private String id;
    private String customerId;
    private String name;
    private String product;
    private String version;
    private String siteLabel;
    private Double siteLat;
    private Double siteLon;
    private Instant createdAt;
    @Convert(converter = JsonListColumn.Strings.class)
    @Immutable
    private List<String> tags = List.of();

    protected CustomerSystem() {
    }

    CustomerSystem(String id, String customerId, NewSystem request, Instant createdAt) {
        this.id = id;
        this.customerId = customerId;
        this.name = request.name().trim();
        this.product = request.product().trim();
        this.version = request.version();
        if (request.site() != null) {
            this.siteLabel = request.site().label();
            this.siteLat = request.site().lat();
            this.siteLon = request.site().lon();
        }
        this.tags = request.tags() == null ? List.of() : List.copyOf(request.tags());
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return id;
    }

    SystemView view() {
        Site site = siteLat == null ? null : new Site(siteLabel, siteLat, siteLon);
        return new SystemView(id, customerId, name, product, version, site, tags);
    }
}
