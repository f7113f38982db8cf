package media

import (
	"bytes"
	"encoding/binary"
	"time"
)

// Silent MP3 frames: MPEG-1 Layer III, 32 kHz, 32 kbit/s, mono, no CRC.
// Each is 144 bytes and plays 1152 samples (36 ms); side information and
// data of zeros decode to silence in every player.
const (
	silentFrameSize    = 144
	silentFrameSamples = 1152
	silentRate         = 32000
	silentSideInfo     = 17 // mono MPEG-1
)

var silentHeader = [4]byte{0xFF, 0xFB, 0x18, 0xC0}

// SilentMP3 returns a valid MP3 file of silence lasting d, rounded up to
// whole frames of 36 ms: an Info header frame, as encoders write, giving
// the frame count and size, then the frames. newsdesk writes it for its
// demo content and its tests, which need real audio without an encoder.
func SilentMP3(d time.Duration) []byte {
	frames := int((d*silentRate/time.Second + silentFrameSamples - 1) / silentFrameSamples)
	frames = max(frames, 1)
	var b bytes.Buffer
	b.Grow((frames + 1) * silentFrameSize)
	info := make([]byte, silentFrameSize)
	copy(info, silentHeader[:])
	x := info[4+silentSideInfo:]
	copy(x, "Info")
	binary.BigEndian.PutUint32(x[4:], 0x3) // frame count and byte count follow
	binary.BigEndian.PutUint32(x[8:], uint32(frames))
	binary.BigEndian.PutUint32(x[12:], uint32((frames+1)*silentFrameSize))
	b.Write(info)
	frame := make([]byte, silentFrameSize)
	copy(frame, silentHeader[:])
	for range frames {
		b.Write(frame)
	}
	return b.Bytes()
}

// SilentMP3Duration is the length of SilentMP3(d): d rounded up to whole
// frames.
func SilentMP3Duration(d time.Duration) time.Duration {
	frames := max(int64((d*silentRate/time.Second+silentFrameSamples-1)/silentFrameSamples), 1)
	return samplesDuration(frames*silentFrameSamples, silentRate)
}
