//! Random input: keys, pastes (some never ended), mouse-wheel bursts and
//! noise.

use crate::Rng;

pub(crate) const KEYS: &[&[u8]] = &[
    b"j",
    b"k",
    b"J",
    b"K",
    b"\r",
    b"\x1b",
    b"/",
    b"t",
    b"c",
    b"v",
    b"S",
    b"?",
    b"l",
    b"g",
    b"G",
    b" ",
    b"n",
    b"N",
    b"\x1b[A",
    b"\x1b[B",
    b"\x1b[5~",
    b"\x1b[6~",
    b"\x7f",
    b"\x0c",
    b"x",
    b"1",
    "新".as_bytes(),
    b"\t",
];

pub(crate) fn random_input(rng: &mut Rng) -> Vec<u8> {
    match rng.below(10) {
        0 => {
            // A paste, now and then one that never ends.
            let mut paste = b"\x1b[200~".to_vec();
            for _ in 0..rng.below(4000) {
                paste.extend(
                    rng.pick(&["新聞", "abc", " ", "\n", "\x1b", "q"])
                        .as_bytes(),
                );
            }
            if rng.below(4) != 0 {
                paste.extend(b"\x1b[201~");
            }
            paste
        }
        1 => {
            let mut burst = Vec::new();
            for _ in 0..rng.below(300) {
                let button = if rng.below(2) == 0 { 64 } else { 65 };
                burst.extend(
                    format!(
                        "\x1b[<{button};{};{}M",
                        1 + rng.below(80),
                        1 + rng.below(30)
                    )
                    .as_bytes(),
                );
            }
            burst
        }
        2 => (0..rng.below(64)).map(|_| rng.below(256) as u8).collect(),
        _ => rng.pick(KEYS).to_vec(),
    }
}
