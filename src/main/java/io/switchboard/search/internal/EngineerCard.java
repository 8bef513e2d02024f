package io.switchboard.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a recommendation says about an engineer beyond the scores: the name, the certifications with their expiry and
 * the profile entries an incident can mention, each with its words already analysed. It is kept as one doc value per
 * engineer, analysed once at indexing, because reading it from stored fields decompressed a block of documents per
 * hit and analysed every certification and skill of every hit again on every recommendation.
 */
record EngineerCard(String name, List<Certificate> certifications, List<Entry> profile) {

    /** A certification; {@code expires} is epoch millis, {@link Fields#NEVER} for none. */
    record Certificate(String name, long expires, List<String> words, List<String> codes) {}

    /** A skill, product or system name, in that order, as the engineer's profile lists them. */
    record Entry(String value, List<String> words, List<String> codes) {}

    /** Whether an incident with these analysed words and product codes names the entry. */
    static boolean mentioned(List<String> words, List<String> codes, Set<String> incidentWords,
            Set<String> incidentCodes) {
        return words.stream().anyMatch(incidentWords::contains) || codes.stream().anyMatch(incidentCodes::contains);
    }

    BytesRef encode() {
        var out = new ByteBuffersDataOutput();
        try {
            out.writeString(name);
            out.writeVInt(certifications.size());
            for (Certificate c : certifications) {
                out.writeString(c.name());
                out.writeLong(c.expires());
                writeList(out, c.words());
                writeList(out, c.codes());
            }
            out.writeVInt(profile.size());
            for (Entry e : profile) {
                out.writeString(e.value());
                writeList(out, e.words());
                writeList(out, e.codes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory
        }
        return new BytesRef(out.toArrayCopy());
    }

    static EngineerCard decode(BytesRef bytes) throws IOException {
        var in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        String name = in.readString();
        int certCount = in.readVInt();
        List<Certificate> certs = new ArrayList<>(certCount);
        for (int i = 0; i < certCount; i++) {
            certs.add(new Certificate(in.readString(), in.readLong(), readList(in), readList(in)));
        }
        int entryCount = in.readVInt();
        List<Entry> entries = new ArrayList<>(entryCount);
        for (int i = 0; i < entryCount; i++) {
            entries.add(new Entry(in.readString(), readList(in), readList(in)));
        }
        return new EngineerCard(name, certs, entries);
    }

    private static void writeList(ByteBuffersDataOutput out, Collection<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String v : values) {
            out.writeString(v);
        }
    }

    private static List<String> readList(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }
}
