/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sidecar owns /api and /socket.io; the web server in server/web proxies them at run time.
};

export default nextConfig;
