# Verbatim: self-hosted speech-to-text with an AssemblyAI-compatible API.
#   docker build -t verbatim . && docker run -p 8080:8080 -v verbatim-data:/data verbatim

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props appsettings.json ./
COPY src/WebApp/WebApp.csproj src/WebApp/
RUN dotnet restore src/WebApp/WebApp.csproj
COPY src/ src/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/WebApp/WebApp.csproj -c Release -o /app --no-restore

# Debian bookworm, the same release whose ffmpeg and pocketsphinx packages the app is tested with.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg pocketsphinx pocketsphinx-en-us libpocketsphinx3 espeak-ng libgomp1 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN mkdir /data && chown app:app /data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Verbatim__DataDirectory=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "WebApp.dll"]
