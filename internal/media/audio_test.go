package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

func probeBytes(b []byte) (AudioInfo, error) {
	return ProbeAudio(bytes.NewReader(b), int64(len(b)))
}

func TestProbeSilentMP3(t *testing.T) {
	for _, d := range []time.Duration{36 * time.Millisecond, 5 * time.Second, 27*time.Minute + 33*time.Second} {
		b := SilentMP3(d)
		info, err := probeBytes(b)
		if err != nil {
			t.Fatalf("%v: %v", d, err)
		}
		if info.Format != AudioMP3 || info.Type != "audio/mpeg" || info.SampleRate != 32000 {
			t.Errorf("%v: got %+v", d, info)
		}
		want := SilentMP3Duration(d)
		if info.Duration != want || want < d || want-d >= 36*time.Millisecond {
			t.Errorf("%v: duration %v, want %v", d, info.Duration, want)
		}
	}
}

func TestProbeMP3Tags(t *testing.T) {
	audio := SilentMP3(3 * time.Second)
	// An ID3v2 tag of 300 bytes whose text holds a false frame sync,
	// and an ID3v1 tag at the end.
	tag := []byte("ID3\x04\x00\x00\x00\x00\x02\x2c")
	tag = append(tag, bytes.Repeat([]byte{0xFF, 0xFB, 0x18}, 100)...)
	v1 := append([]byte("TAG"), bytes.Repeat([]byte{'x'}, 125)...)
	b := append(append(tag, audio...), v1...)
	info, err := probeBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := SilentMP3Duration(3 * time.Second); info.Duration != want {
		t.Errorf("duration %v, want %v", info.Duration, want)
	}
}

// A file cut inside a frame, and one cut at a frame boundary before the
// count its Info header gives, are both refused with a clear message.
func TestProbeTruncatedMP3(t *testing.T) {
	b := SilentMP3(10 * time.Second)
	for name, cut := range map[string][]byte{
		"inside a frame":      b[:len(b)/2+50],
		"at a frame boundary": b[:silentFrameSize*40],
		"header only":         b[:2],
	} {
		t.Run(name, func(t *testing.T) {
			_, err := probeBytes(cut)
			if !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("got %v, want an ErrInvalid", err)
			}
			if msg := news.ErrorMessage(err); !strings.Contains(msg, "duration cannot be read") {
				t.Errorf("message %q does not say that the duration cannot be read", msg)
			}
		})
	}
}

func TestProbeNotAudio(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("hello, world"), []byte("%PDF-1.7\n")} {
		if _, err := probeBytes(b); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("%q: got %v, want an ErrInvalid", b, err)
		}
	}
}

// mp4Box writes one box around its content.
func mp4Box(typ string, content ...[]byte) []byte {
	body := bytes.Join(content, nil)
	b := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(b, typ...), body...)
}

// testM4A builds the boxes of an M4A file that ProbeAudio reads: a sound
// track at rate samples a second lasting samples, and a movie header
// in milliseconds.
func testM4A(rate, samples uint32, mediaData int) []byte {
	mdhd := make([]byte, 24)
	binary.BigEndian.PutUint32(mdhd[12:], rate)
	binary.BigEndian.PutUint32(mdhd[16:], samples)
	mvhd := make([]byte, 100)
	binary.BigEndian.PutUint32(mvhd[12:], 1000)
	binary.BigEndian.PutUint32(mvhd[16:], uint32(uint64(samples)*1000/uint64(rate)))
	hdlr := make([]byte, 24)
	copy(hdlr[8:], "soun")
	return bytes.Join([][]byte{
		mp4Box("ftyp", []byte("M4A \x00\x00\x00\x00M4A isom")),
		mp4Box("moov", mp4Box("mvhd", mvhd), mp4Box("trak", mp4Box("mdia", mp4Box("mdhd", mdhd), mp4Box("hdlr", hdlr)))),
		mp4Box("mdat", make([]byte, mediaData)),
	}, nil)
}

func TestProbeM4A(t *testing.T) {
	b := testM4A(44100, 44100*125+22050, 4000)
	info, err := probeBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if info.Format != AudioM4A || info.Type != "audio/mp4" || info.SampleRate != 44100 {
		t.Errorf("got %+v", info)
	}
	if want := 125*time.Second + 500*time.Millisecond; info.Duration != want {
		t.Errorf("duration %v, want %v", info.Duration, want)
	}
	if _, err := probeBytes(b[:len(b)-100]); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("truncated M4A: got %v, want an ErrInvalid", err)
	}
}

// oggPageBytes writes one Ogg page with its checksum.
func oggPageBytes(serial, seq uint32, granule int64, flags byte, body []byte) []byte {
	var segs []byte
	n := len(body)
	for n >= 255 {
		segs = append(segs, 255)
		n -= 255
	}
	segs = append(segs, byte(n))
	h := []byte("OggS\x00")
	h = append(h, flags)
	h = binary.LittleEndian.AppendUint64(h, uint64(granule))
	h = binary.LittleEndian.AppendUint32(h, serial)
	h = binary.LittleEndian.AppendUint32(h, seq)
	h = append(h, 0, 0, 0, 0, byte(len(segs)))
	page := append(append(h, segs...), body...)
	binary.LittleEndian.PutUint32(page[22:], oggCRC(page))
	return page
}

// oggCRC is Ogg's CRC-32: polynomial 0x04c11db7, not reflected.
func oggCRC(b []byte) uint32 {
	var crc uint32
	for _, c := range b {
		crc ^= uint32(c) << 24
		for range 8 {
			if crc&0x80000000 != 0 {
				crc = crc<<1 ^ 0x04c11db7
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

func TestProbeOgg(t *testing.T) {
	vorbisID := append([]byte("\x01vorbis\x00\x00\x00\x00\x02"), binary.LittleEndian.AppendUint32(nil, 48000)...)
	vorbisID = append(vorbisID, make([]byte, 14)...)
	opusID := append([]byte("OpusHead\x01\x02"), binary.LittleEndian.AppendUint16(nil, 312)...)
	opusID = append(opusID, make([]byte, 7)...)
	for _, tc := range []struct {
		name  string
		id    []byte
		last  int64
		want  time.Duration
		other bool // another stream's page with a later granule comes last
	}{
		{"vorbis", vorbisID, 48000 * 90, 90 * time.Second, false},
		{"opus", opusID, 48000*61 + 312, 61 * time.Second, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := oggPageBytes(7, 0, 0, 2, tc.id)
			b = append(b, oggPageBytes(7, 1, -1, 0, make([]byte, 600))...)
			b = append(b, oggPageBytes(7, 2, tc.last/2, 0, make([]byte, 300))...)
			b = append(b, oggPageBytes(7, 3, tc.last, 4, make([]byte, 200))...)
			if tc.other {
				b = append(b, oggPageBytes(9, 0, tc.last*3, 4, make([]byte, 20))...)
			}
			info, err := probeBytes(b)
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != AudioOgg || info.Type != "audio/ogg" || info.Duration != tc.want {
				t.Errorf("got %+v, want %v", info, tc.want)
			}
			if _, err := probeBytes(b[:len(b)-10]); !errors.Is(err, news.ErrInvalid) {
				t.Errorf("truncated: got %v, want an ErrInvalid", err)
			}
		})
	}
}

// TestProbeEncoded reads files that ffmpeg encodes, when it is installed:
// real MP3 (with its Xing header), AAC in M4A, Vorbis and Opus.
func TestProbeEncoded(t *testing.T) {
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg is not installed; skipping the encoded audio files")
	}
	dir := t.TempDir()
	for _, tc := range []struct{ file, codec string }{
		{"a.mp3", "libmp3lame"}, {"a.m4a", "aac"}, {"a.ogg", "libvorbis"}, {"a.opus", "libopus"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			cmd := exec.Command(ffmpeg, "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=7.5",
				"-c:a", tc.codec, path)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Skipf("ffmpeg cannot encode %s: %v: %s", tc.codec, err, out)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			info, err := probeBytes(b)
			if err != nil {
				t.Fatal(err)
			}
			// Encoders pad to whole frames and add their delay.
			if d := info.Duration - 7500*time.Millisecond; d < -30*time.Millisecond || d > 80*time.Millisecond {
				t.Errorf("duration %v, want 7.5s", info.Duration)
			}
			if _, err := probeBytes(b[:len(b)*2/3]); !errors.Is(err, news.ErrInvalid) {
				t.Errorf("the first two thirds: got %v, want an ErrInvalid", err)
			}
		})
	}
}

// TestSilentMP3Decodes has ffmpeg decode SilentMP3's output, when it is
// installed: players must accept the file, not only ProbeAudio.
func TestSilentMP3Decodes(t *testing.T) {
	ffprobe, err := exec.LookPath("ffprobe")
	if err != nil {
		t.Skip("ffprobe is not installed; skipping the decoding check")
	}
	path := filepath.Join(t.TempDir(), "silence.mp3")
	if err := os.WriteFile(path, SilentMP3(4*time.Second), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(ffprobe, "-v", "error", "-show_entries", "stream=codec_name,sample_rate,duration", "-of", "csv=p=0", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ffprobe: %v: %s", err, out)
	}
	if got := strings.TrimSpace(string(out)); !strings.HasPrefix(got, "mp3,32000,4.0") {
		t.Errorf("ffprobe says %q, want mp3,32000,4.0...", got)
	}
}
