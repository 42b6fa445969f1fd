//! What the vault costs per request: sealing and opening a field and a 5 MiB document, unwrapping a
//! person's data key, a blind index, a codename digest (deliberately slow: it is the guess cost), and a
//! staff password check. Run with `cargo xtask bench` (or `cargo bench -p waymark-vault`).
//!
//! The goals these numbers are read against (docs/ARCHITECTURE.md, "Performance"): opening a case with
//! ~50 sealed fields must cost well under a millisecond of cryptography; a codename guess must cost an
//! attacker tens of milliseconds and ~19 MiB; a password check stays under half a second on a 2-core
//! machine.

// Test code: a failed `expect` is the failing test, with its message. The workspace denies `expect`, and
// clippy.toml allows it only inside `#[test]` functions and `#[cfg(test)]` modules, not in the helpers here.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use waymark_vault::{Codename, DataKey, FieldContext, MasterKey, hash_password, verify_password};

const CTX: FieldContext<'static> = FieldContext {
    table: "case_notes",
    column: "body",
    row_id: "0193a7b2-0000-7000-8000-000000000001",
};

fn sealing(c: &mut Criterion) {
    let key = DataKey::generate();
    let mut group = c.benchmark_group("sealed field");
    for size in [64usize, 1024, 5 * 1024 * 1024] {
        let plain = vec![0x61u8; size];
        let sealed = key.seal(&CTX, &plain);
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("seal", size), &plain, |b, p| {
            b.iter(|| key.seal(black_box(&CTX), black_box(p)));
        });
        group.bench_with_input(BenchmarkId::new("open", size), &sealed, |b, s| {
            b.iter(|| key.open(black_box(&CTX), black_box(s)));
        });
    }
    group.finish();
}

fn keys(c: &mut Criterion) {
    let master = MasterKey::generate();
    let person = DataKey::generate();
    let wrapped = master.wrap(&person, "person-1");
    c.bench_function("unwrap a person's data key", |b| {
        b.iter(|| master.unwrap(black_box(&wrapped), black_box("person-1")));
    });
    let index = master.blind_index_key("case-name:org-1");
    c.bench_function("blind index of a name", |b| {
        b.iter(|| index.index(black_box("Amina Haile")));
    });
}

fn slow_on_purpose(c: &mut Criterion) {
    let mut group = c.benchmark_group("slow on purpose");
    group.sample_size(10);
    let codenames = MasterKey::generate().codename_key();
    let codename = Codename::generate(waymark_vault::CodenameForm::Words);
    group.bench_function("codename digest (one guess)", |b| {
        b.iter(|| codenames.digest(black_box(&codename)));
    });
    let phc = hash_password("correct horse battery staple").expect("hash");
    group.bench_function("staff password check", |b| {
        b.iter(|| verify_password(black_box("correct horse battery staple"), black_box(&phc)));
    });
    group.finish();
}

criterion_group!(benches, sealing, keys, slow_on_purpose);
criterion_main!(benches);
