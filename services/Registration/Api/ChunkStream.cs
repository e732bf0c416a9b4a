namespace Accreditation.Registration.Api;

/// <summary>A write-only stream that hands its bytes on in chunks of about 32 KB (one gRPC message each).</summary>
sealed class ChunkStream(Func<ReadOnlyMemory<byte>, Task> send) : Stream
{
    const int ChunkSize = 32 * 1024;
    readonly MemoryStream _buffer = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _buffer.Write(buffer.Span);
        if (_buffer.Length >= ChunkSize)
            await SendAsync();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => SendAsync();

    // A synchronous write only buffers; the next asynchronous write or flush sends.
    public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    async Task SendAsync()
    {
        if (_buffer.Length == 0)
            return;
        await send(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
