package io.switchboard.directory;

import io.switchboard.persistence.AssignedId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.BatchSize;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
    @ElementCollection
    @CollectionTable(name = "system_tag", joinColumns = @JoinColumn(name = "system_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private List<String> tags = new ArrayList<>();

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
        this.tags = request.tags() == null ? new ArrayList<>() : new ArrayList<>(request.tags());
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return id;
    }

    SystemView view() {
        Site site = siteLat == null ? null : new Site(siteLabel, siteLat, siteLon);
        return new SystemView(id, customerId, name, product, version, site, List.copyOf(tags));
    }
}
