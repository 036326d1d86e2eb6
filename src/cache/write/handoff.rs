//! The cache file's bytes handed to a thread of their own to be written:
//! copying tens of megabytes into the kernel's page cache (a quarter of a
//! million pages at a million articles) was about two fifths of the cache
//! writer's time, and a cold `list` ends when the writer does. With the
//! copy on another thread, encoding the next records and writing the last
//! ones share the two cores once the listing is printed.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::{Scope, ScopedJoinHandle};

use crate::cache::codec::Sink;

/// Bytes gathered before they are handed over.
const PIECE: usize = 256 * 1024;

/// Pieces in flight: enough to keep the writing thread busy, few enough
/// that a slow disk holds back the encoder rather than memory growing.
const IN_FLIGHT: usize = 4;

enum Piece {
    Bytes(Vec<u8>),
    /// Go to this offset from the start (the header, written last).
    Seek(u64),
}

/// Writes what it is given on another thread (see the module). Errors of
/// the writing thread come back from [`Handoff::close`]; a write after one
/// fails at once.
pub struct Handoff<'scope> {
    pending: Vec<u8>,
    to_writer: Option<SyncSender<Piece>>,
    /// Emptied pieces, sent back to be filled again (fresh memory is slow
    /// to fault in).
    spare: Receiver<Vec<u8>>,
    writer: Option<ScopedJoinHandle<'scope, io::Result<()>>>,
}

impl<'scope> Handoff<'scope> {
    /// Starts the writing thread in `scope`, writing to `out` (flushed
    /// first, then written around its buffer: the pieces are large).
    pub fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        out: &'scope mut BufWriter<File>,
    ) -> Handoff<'scope> {
        let (to_writer, pieces) = sync_channel::<Piece>(IN_FLIGHT);
        let (give_back, spare) = sync_channel::<Vec<u8>>(IN_FLIGHT + 2);
        let writer = std::thread::Builder::new()
            .name("cache file".to_owned())
            .spawn_scoped(scope, move || {
                out.flush()?;
                let file = out.get_mut();
                for piece in pieces {
                    match piece {
                        Piece::Bytes(mut bytes) => {
                            file.write_all(&bytes)?;
                            bytes.clear();
                            let _ = give_back.try_send(bytes);
                        }
                        Piece::Seek(to) => {
                            file.seek(SeekFrom::Start(to))?;
                        }
                    }
                }
                Ok(())
            })
            .ok();
        Handoff {
            pending: Vec::with_capacity(PIECE),
            to_writer: writer.is_some().then_some(to_writer),
            spare,
            writer,
        }
    }

    fn send(&mut self, piece: Piece) -> io::Result<()> {
        let stopped = || io::Error::other("the cache file's writer stopped");
        let to_writer = self.to_writer.as_ref().ok_or_else(stopped)?;
        to_writer.send(piece).map_err(|_| stopped())
    }

    fn hand_over(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let next = self
            .spare
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(PIECE));
        let full = std::mem::replace(&mut self.pending, next);
        self.send(Piece::Bytes(full))
    }

    /// Hands over what is left and waits for the thread to write it: the
    /// first error it met, if any.
    pub fn close(mut self) -> io::Result<()> {
        let sent = self.hand_over();
        self.to_writer = None;
        let written = match self.writer.take() {
            Some(writer) => writer
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the cache file's writer panicked"))),
            None => Err(io::Error::other("no thread to write the cache file")),
        };
        written.and(sent)
    }
}

impl Write for Handoff<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.pending.len() + bytes.len() > PIECE {
            self.hand_over()?;
        }
        if bytes.len() >= PIECE {
            return self.send(Piece::Bytes(bytes.to_vec()));
        }
        self.pending.extend_from_slice(bytes);
        Ok(())
    }

    /// Only hands over what is gathered: [`Handoff::close`] waits for it.
    fn flush(&mut self) -> io::Result<()> {
        self.hand_over()
    }
}

impl Sink for Handoff<'_> {
    /// Hands `bytes` over as they are, after what is gathered.
    fn put_buffer(&mut self, bytes: Vec<u8>) -> io::Result<Vec<u8>> {
        self.hand_over()?;
        let capacity = bytes.capacity();
        self.send(Piece::Bytes(bytes))?;
        Ok(self
            .spare
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(capacity)))
    }
}

impl Seek for Handoff<'_> {
    /// Only `SeekFrom::Start` (the encoder's one seek, to write the header).
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let SeekFrom::Start(offset) = to else {
            return Err(io::Error::other("the cache file is written in order"));
        };
        self.hand_over()?;
        self.send(Piece::Seek(offset))?;
        Ok(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_in_order_with_the_seek_and_large_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        let mut out = BufWriter::new(File::create(&path).unwrap());
        out.write_all(b"head").unwrap();
        let big = vec![7u8; PIECE * 2 + 3];
        std::thread::scope(|scope| {
            let mut pipe = Handoff::start(scope, &mut out);
            for _ in 0..1000 {
                pipe.write_all(&[1, 2, 3]).unwrap();
            }
            pipe.write_all(&big).unwrap();
            pipe.write_all(b"tail").unwrap();
            pipe.seek(SeekFrom::Start(0)).unwrap();
            pipe.write_all(b"HEAD").unwrap();
            pipe.close().unwrap();
        });
        drop(out);
        let mut written = Vec::new();
        File::open(&path)
            .unwrap()
            .read_to_end(&mut written)
            .unwrap();
        let mut expected = b"HEAD".to_vec();
        for _ in 0..1000 {
            expected.extend_from_slice(&[1, 2, 3]);
        }
        expected.extend_from_slice(&big);
        expected.extend_from_slice(b"tail");
        assert_eq!(written, expected);
    }
}
