import { Controller, Get, Header, HttpStatus, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorator';
import { CodedHttpException } from '../access/access-errors';
import { PageAssets } from './page-assets';
import { PAGE_CONTENT_SECURITY_POLICY } from './page-security';

const HTML = 'text/html; charset=utf-8';

/**
 * The reporting dashboard's pages: public shells (no figure is in them); the figures come from
 * the signed-in routes under /reports/…/dashboard, fetched by the page's script with the
 * person's access token. /sign-in is where mailed sign-in links point (`/sign-in#<credential>`):
 * the fragment never reaches the server, the page redeems it with POST /auth/sessions.
 */
@ApiTags('reporting dashboard')
@Controller()
@Public()
export class DashboardPagesController {
  constructor(private readonly assets: PageAssets) {}

  @Get('dashboard')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-cache')
  @Header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY)
  @ApiOperation({ summary: 'The reporting dashboard page (HTML): sign in, then charts and tables of the figures' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page; its scripts fetch the figures.' })
  dashboard(): string {
    return this.assets.page('dashboard.html');
  }

  @Get('sign-in')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY)
  @ApiOperation({ summary: 'Where a mailed sign-in link lands (HTML): the page redeems the link and opens the dashboard' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: "The page; its script posts the link's credential to /auth/sessions." })
  signIn(): string {
    return this.assets.page('sign-in.html');
  }

  @Get('dashboard/assets/:file')
  @ApiOperation({ summary: "The dashboard's scripts and stylesheet (content-hashed names, cached for good)" })
  @ApiProduces('text/javascript', 'text/css')
  @ApiOkResponse({ description: 'The file.' })
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  asset(@Param('file') file: string): StreamableFile {
    const asset = this.assets.asset(file);
    if (!asset) throw new CodedHttpException(HttpStatus.NOT_FOUND, 'asset-not-found', `No dashboard asset ${file}.`);
    return new StreamableFile(asset.body, { type: asset.contentType, length: asset.body.length });
  }
}
