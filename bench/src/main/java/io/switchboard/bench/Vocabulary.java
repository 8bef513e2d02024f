package io.switchboard.bench;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists for generated data: industrial products, their components and failure modes, people and places. */
public final class Vocabulary {

    public record City(String name, double lat, double lon, String timeZone, String language) {}

    public record Product(String code, String shortCode, String label, String[] versions, List<String> skills,
            String[] components, String[] codes) {}

    public record Text(String title, String description, String resolution) {}

    static final City[] CITIES = {
        new City("Rotterdam", 51.9244, 4.4777, "Europe/Amsterdam", "nl"),
        new City("Amsterdam", 52.3676, 4.9041, "Europe/Amsterdam", "nl"),
        new City("Antwerp", 51.2194, 4.4025, "Europe/Brussels", "nl"),
        new City("Hamburg", 53.5511, 9.9937, "Europe/Berlin", "de"),
        new City("Munich", 48.1351, 11.5820, "Europe/Berlin", "de"),
        new City("Stuttgart", 48.7758, 9.1829, "Europe/Berlin", "de"),
        new City("Berlin", 52.5200, 13.4050, "Europe/Berlin", "de"),
        new City("Vienna", 48.2082, 16.3738, "Europe/Vienna", "de"),
        new City("Zurich", 47.3769, 8.5417, "Europe/Zurich", "de"),
        new City("Lyon", 45.7640, 4.8357, "Europe/Paris", "fr"),
        new City("Paris", 48.8566, 2.3522, "Europe/Paris", "fr"),
        new City("Toulouse", 43.6047, 1.4442, "Europe/Paris", "fr"),
        new City("Milan", 45.4642, 9.1900, "Europe/Rome", "it"),
        new City("Turin", 45.0703, 7.6869, "Europe/Rome", "it"),
        new City("Barcelona", 41.3874, 2.1686, "Europe/Madrid", "es"),
        new City("Madrid", 40.4168, -3.7038, "Europe/Madrid", "es"),
        new City("Gdansk", 54.3520, 18.6466, "Europe/Warsaw", "pl"),
        new City("Wroclaw", 51.1079, 17.0385, "Europe/Warsaw", "pl"),
        new City("Gothenburg", 57.7089, 11.9746, "Europe/Stockholm", "sv"),
        new City("Aarhus", 56.1629, 10.2039, "Europe/Copenhagen", "da"),
        new City("Manchester", 53.4808, -2.2426, "Europe/London", "en"),
        new City("Birmingham", 52.4862, -1.8904, "Europe/London", "en"),
        new City("Dublin", 53.3498, -6.2603, "Europe/Dublin", "en"),
        new City("Houston", 29.7604, -95.3698, "America/Chicago", "en"),
        new City("Detroit", 42.3314, -83.0458, "America/Detroit", "en"),
        new City("Chicago", 41.8781, -87.6298, "America/Chicago", "en"),
        new City("Austin", 30.2672, -97.7431, "America/Chicago", "en"),
        new City("Monterrey", 25.6866, -100.3161, "America/Monterrey", "es"),
        new City("Sao Paulo", -23.5505, -46.6333, "America/Sao_Paulo", "pt"),
        new City("Singapore", 1.3521, 103.8198, "Asia/Singapore", "en"),
    };

    static final String[] SITE_KINDS = {"plant", "port terminal", "distribution center", "water works", "substation",
        "refinery", "assembly hall", "warehouse", "paint shop", "bottling line"};

    static final Product[] PRODUCTS = {
        new Product("SCADA-GW", "SCADA", "SCADA gateway", new String[] {"4.2.1", "4.3.0", "5.0.2"},
                List.of("scada", "modbus", "opc-ua", "dnp3", "redundancy"),
                new String[] {"modbus driver", "polling engine", "redundancy failover", "opc ua endpoint", "alarm server",
                    "tag database", "gateway service"}, new String[] {"GW-1021", "GW-2040", "MB-0x0B"}),
        new Product("S7-1500", "PLC", "PLC cell", new String[] {"2.8", "2.9", "3.0"},
                List.of("plc", "profinet", "tia-portal", "safety-plc", "io-link"),
                new String[] {"cpu module", "profinet io device", "safety program", "io-link master", "hmi connection",
                    "program block", "network switch"}, new String[] {"SF-16#2A", "BF-0x8D", "PN-3102"}),
        new Product("MES-CORE", "MES", "MES line", new String[] {"11.2", "12.0", "12.1"},
                List.of("mes", "sql", "oee", "batch", "integration"),
                new String[] {"order dispatcher", "oee calculator", "batch record", "sql database", "erp interface",
                    "label service", "shift report"}, new String[] {"MES-500", "ORA-00060", "SQL-1205"}),
        new Product("WMS-PRO", "WMS", "warehouse management", new String[] {"7.4", "8.0"},
                List.of("wms", "rf-scanners", "sap", "conveyor", "sql"),
                new String[] {"pick list generator", "rf scanner gateway", "slotting engine", "sap idoc interface",
                    "wave planner", "putaway service"}, new String[] {"WMS-4410", "IDOC-51", "RF-207"}),
        new Product("HMI-PANEL", "HMI", "operator HMI", new String[] {"16", "17", "18"},
                List.of("hmi", "wincc", "scada", "windows"),
                new String[] {"touch panel", "screen runtime", "alarm view", "trend view", "user management",
                    "recipe manager"}, new String[] {"HMI-0x3F", "RT-110"}),
        new Product("HIST-PI", "HIST", "process historian", new String[] {"2018", "2023"},
                List.of("historian", "pi-system", "sql", "opc-ua"),
                new String[] {"archive subsystem", "pi interface", "buffer service", "af server", "snapshot table",
                    "data collector"}, new String[] {"PI-10722", "PI-11091"}),
        new Product("DCS-800", "DCS", "distributed control system", new String[] {"6.1", "7.0"},
                List.of("dcs", "control-loops", "foundation-fieldbus", "hart"),
                new String[] {"controller pair", "fieldbus segment", "control loop", "io card", "engineering station",
                    "operator station"}, new String[] {"DCS-E12", "FF-207"}),
        new Product("RTU-560", "RTU", "substation RTU", new String[] {"12.4", "13.1"},
                List.of("rtu", "iec-61850", "dnp3", "iec-104", "substation"),
                new String[] {"iec 104 link", "goose subscription", "gps time sync", "binary inputs", "breaker command",
                    "communication card"}, new String[] {"RTU-9001", "IEC-104-T3"}),
        new Product("ROBOT-CELL", "ROB", "robot cell", new String[] {"8.3", "9.1"},
                List.of("robotics", "safety-plc", "vision", "profinet"),
                new String[] {"robot controller", "gripper", "safety fence", "teach pendant", "vision camera",
                    "servo drive"}, new String[] {"SRVO-050", "MOTN-017", "SYST-034"}),
        new Product("CONVEYOR-X", "CONV", "conveyor control", new String[] {"3.2", "3.5"},
                List.of("conveyor", "plc", "drives", "barcode"),
                new String[] {"belt drive", "photo eye", "sorter", "barcode reader", "merge controller", "vfd"},
                new String[] {"VFD-OC1", "CNV-221"}),
        new Product("EDGE-K8S", "EDGE", "edge cluster", new String[] {"1.28", "1.30"},
                List.of("kubernetes", "linux", "networking", "docker", "mqtt"),
                new String[] {"ingress controller", "mqtt broker", "persistent volume", "node agent", "container registry",
                    "etcd"}, new String[] {"CrashLoopBackOff", "OOMKilled", "ETCD-2379"}),
        new Product("VISION-QA", "VIS", "vision inspection", new String[] {"5.5", "6.0"},
                List.of("vision", "machine-learning", "cameras", "lighting"),
                new String[] {"inspection camera", "illumination", "classification model", "reject gate", "image store"},
                new String[] {"VIS-404", "CAM-TIMEOUT"}),
        new Product("ENERGY-MON", "ENR", "energy monitoring", new String[] {"2.1", "2.4"},
                List.of("energy", "modbus", "bacnet", "sql"),
                new String[] {"energy meter", "bacnet router", "report engine", "meter gateway", "tariff table"},
                new String[] {"EM-17", "BAC-0x1F"}),
        new Product("SAP-BRIDGE", "SAPB", "SAP bridge", new String[] {"4.0", "4.1"},
                List.of("sap", "integration", "idoc", "rfc"),
                new String[] {"rfc connection", "idoc queue", "mapping service", "certificate store", "job scheduler"},
                new String[] {"RFC-ERR-104", "IDOC-64"}),
    };

    static final String[] GENERAL_SKILLS = {"linux", "windows", "networking", "cybersecurity", "vmware", "python",
        "electrical", "firewall", "backup", "sql", "english", "root-cause-analysis"};

    static final String[] CERTIFICATIONS = {"GICSP", "Siemens S7 TIA Portal", "Cisco CCNA", "CKA Kubernetes",
        "Rockwell ControlLogix", "ISA/IEC 62443", "VMware VCP", "Red Hat RHCSA", "SAP PI Integration", "ITIL 4",
        "FANUC Robot Operator", "OSIsoft PI Administrator", "NFPA 70E Electrical Safety"};

    static final String[] FIRST_NAMES = {"Anna", "Bram", "Chen", "Dana", "Emil", "Femke", "Goran", "Hanna", "Ivo",
        "Julia", "Karim", "Lena", "Marco", "Nadia", "Oskar", "Petra", "Quentin", "Rosa", "Sven", "Tara", "Umar", "Vera",
        "Wim", "Xenia", "Yusuf", "Zoe", "Ahmed", "Bea", "Carlos", "Daan", "Elif", "Finn", "Greta", "Hugo", "Ines",
        "Jonas", "Kofi", "Lucia", "Mateo", "Noor", "Olga", "Pablo", "Ravi", "Sara", "Tomasz", "Ugo", "Wei", "Yara"};

    static final String[] LAST_NAMES = {"Jansen", "de Vries", "Li", "Kowalski", "Schmidt", "Bakker", "Novak",
        "Muller", "Rossi", "Garcia", "Dubois", "Andersen", "Nowak", "Smith", "Murphy", "Hernandez", "Silva", "Tan",
        "Visser", "Meyer", "Ferrari", "Lopez", "Lefevre", "Nielsen", "Wojcik", "Brown", "Kelly", "Ortiz", "Costa",
        "Wong", "Peters", "Fischer", "Bianchi", "Martin", "Larsen", "Zielinski", "Taylor", "Walsh", "Ramos", "Lim"};

    static final String[] COMPANY_A = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
        "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Wonka", "Gringotts", "Oscorp", "Aperture", "Monarch",
        "Nakatomi", "Dunder", "Pied Piper", "Virtucon", "Massive", "Rekall", "Sirius", "Blue Sun"};

    static final String[] COMPANY_B = {"Industries", "Utilities", "Logistics", "Chemicals", "Foods", "Water",
        "Energy", "Automotive", "Pharma", "Steel", "Packaging", "Ports", "Beverages", "Paper", "Plastics"};

    static final String[] SYMPTOMS = {"stops polling", "times out", "loses connection", "crashes after update",
        "shows stale values", "reboots every night", "leaks memory", "runs at high CPU", "rejects its certificate",
        "fails the license check", "drifts in time", "runs out of disk", "responds slowly", "floods alarms",
        "has data gaps", "fails the handshake", "builds a queue backlog", "deadlocks", "reports a firmware mismatch",
        "fails authentication", "drops packets", "goes into fault state", "freezes", "sends duplicate messages"};

    static final String[] CONTEXTS = {"after failover", "during the night shift", "after the firmware update",
        "under peak load", "after a network change", "since Monday", "on the standby node", "after a power outage",
        "while the backup runs", "after the Windows patch", "at shift change", "after a cold restart",
        "when the line starts", "during month-end close", "after the certificate renewal", "in hot weather"};

    static final String[] OBSERVATIONS = {"operators see stale values on the HMI", "the line stopped for twenty minutes",
        "the log shows repeated timeouts", "alarms are acknowledged but return", "the watchdog restarts the service",
        "throughput dropped by half", "the standby node takes over and fails back", "orders are stuck in the queue",
        "the event log is full of warnings", "the operator cannot log in", "trend screens show gaps",
        "the customer reports intermittent errors", "a manual restart helps for a few hours"};

    static final String[] ACTIONS = {"Restarted", "Re-registered", "Replaced", "Patched", "Rolled back",
        "Increased the timeout of", "Renewed the certificate of", "Cleared the queue of", "Re-synchronised the clock of",
        "Reflashed the firmware of", "Rebuilt the index of", "Reconfigured", "Reseated the cable of",
        "Extended the license of", "Moved the logs of", "Tuned the keep-alive of"};

    static final String[] FOLLOW_UPS = {"monitored for two hours, stable", "added a check to the maintenance plan",
        "documented the workaround in the knowledge base", "informed the customer's shift lead",
        "opened a ticket with the vendor", "set keep-alive to 10 s", "verified with the operator on site",
        "scheduled the permanent fix for the next maintenance window", "raised the memory limit",
        "updated the spare parts list"};

    static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    /** Skewed pick: earlier entries more often (a word's frequency falls with its rank). */
    static String skewed(SplittableRandom r, String[] a) {
        double u = r.nextDouble();
        return a[(int) (a.length * u * u)];
    }

    static String companyName(SplittableRandom r, int i) {
        String a = COMPANY_A[i % COMPANY_A.length];
        return (i < COMPANY_A.length ? a : a + " " + (i / COMPANY_A.length + 1)) + " " + pick(r, COMPANY_B);
    }

    static Text incidentText(SplittableRandom r, Product p) {
        String component = skewed(r, p.components());
        String symptom = skewed(r, SYMPTOMS);
        String context = pick(r, CONTEXTS);
        String title = cap(component) + " " + symptom + (r.nextBoolean() ? " " + context : "");
        StringBuilder d = new StringBuilder();
        d.append("The ").append(component).append(" of the ").append(p.label()).append(' ').append(symptom).append(' ')
                .append(context).append(". ").append(cap(pick(r, OBSERVATIONS))).append('.');
        if (r.nextInt(3) == 0) {
            d.append(" Error ").append(pick(r, p.codes())).append(" in the log.");
        }
        if (r.nextInt(4) == 0) {
            d.append(" Also the ").append(pick(r, p.components())).append(' ').append(pick(r, SYMPTOMS)).append('.');
        }
        String resolution = pick(r, ACTIONS) + " the " + (r.nextInt(4) == 0 ? pick(r, p.components()) : component)
                + "; " + pick(r, FOLLOW_UPS) + ".";
        return new Text(title, d.toString(), resolution);
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Vocabulary() {}
}
